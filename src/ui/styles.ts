/**
 * The UI's whole stylesheet, adopted into the shadow root (see shadow-host.ts). Kept as a compact string
 * so the npm build, the script-tag build and the tests all read the same thing without a CSS loader.
 * Every colour, the radius and the fonts are `--consentry-*` custom properties: site owners set them on
 * :root or on `consentry-ui`, and they inherit into the shadow tree. Contrast of the defaults: text
 * >= 4.5:1 and controls >= 3:1 in both themes (checked in tests/e2e/ui-contrast.test.ts).
 */
const DARK =
  '--bg:var(--consentry-bg,#1f2023);--fg:var(--consentry-fg,#f3f4f6);--mu:var(--consentry-muted,#c4c7cc);' +
  '--ac:var(--consentry-accent,#9cc2ff);--af:var(--consentry-accent-fg,#0b1220);--bd:var(--consentry-border,#8d9199)';

export const STYLES = `:host{all:initial;position:fixed;z-index:var(--consentry-z,2147483646)}
.r{--bg:var(--consentry-bg,#fff);--fg:var(--consentry-fg,#16181d);--mu:var(--consentry-muted,#4b5060);--ac:var(--consentry-accent,#1d4ed8);--af:var(--consentry-accent-fg,#fff);--bd:var(--consentry-border,#6e7380);--sh:var(--consentry-backdrop,#0009);--rd:var(--consentry-radius,8px);font:var(--consentry-font-size,15px)/1.5 var(--consentry-font,system-ui,sans-serif);color:var(--fg);line-break:strict;overflow-wrap:break-word;hyphens:auto}
.r[data-theme=dark]{${DARK}}
@media(prefers-color-scheme:dark){.r[data-theme=auto]{${DARK}}}
*{box-sizing:border-box}
[hidden]{display:none!important}
.banner,.dialog{background:var(--bg);box-shadow:0 4px 24px #0006;animation:cy-in .2s ease-out}
.bar-bottom,.bar-top{position:fixed;left:0;right:0;bottom:0;display:flex;flex-wrap:wrap;align-items:center;gap:12px 32px;padding:16px max(16px,50% - 560px);max-height:100%;overflow:auto;border-top:1px solid var(--bd)}
.r:not([data-flip]) .bar-top{top:0;bottom:auto;border-width:0 0 1px}
.txt{flex:999 1 420px;min-width:0}
.box{position:fixed;bottom:16px;inset-inline-end:16px;width:min(400px,100% - 32px);max-height:calc(100% - 32px);overflow:auto;padding:20px;border:1px solid var(--bd);border-radius:var(--rd)}
.bd{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;padding:12px;background:var(--sh)}
.modal,.dialog{position:relative;width:100%;max-width:560px;max-height:100%;overflow:auto;border-radius:var(--rd)}
.modal{padding:24px}
.hx .txt{padding-inline-end:40px}
.dialog{max-width:640px;display:flex;flex-direction:column}
.oo{max-width:480px}
.head{display:flex;align-items:center;gap:8px;padding:12px;padding-inline-start:20px}
.body{overflow:auto;padding:0 20px}
.dialog .acts{padding:12px 20px;border-top:1px solid var(--bd)}
h2,h3{flex:1;min-width:0}
h2{margin:0 0 4px;font-size:1.25em;line-height:1.3}
h3{margin:0;font-size:1em}
p{margin:0 0 8px}
.txt p{margin:0}
a{color:var(--ac)}
.acts{display:flex;flex:auto;flex-wrap:wrap;gap:8px}
@media(min-width:641px){:not(.box)>.acts{display:grid;grid-auto-flow:column;grid-auto-columns:1fr}.hx.bar-bottom,.hx.bar-top{padding-inline-end:max(64px,50% - 560px)}}
@media(max-height:480px){.dialog{display:block}.body{overflow:visible}}
button{font:inherit;color:inherit;cursor:pointer}
.btn{flex:1 1 8em;min-height:44px;padding:8px 16px;border:2px solid var(--ac);border-radius:var(--rd);background:var(--ac);color:var(--af);font-weight:600}
.alt{border-color:var(--bd);background:none;color:var(--fg)}
.btn:hover{text-decoration:underline}
.x{position:absolute;top:8px;inset-inline-end:8px;width:44px;height:44px;border:0;border-radius:var(--rd);background:none;font-size:28px;line-height:1}
.head .x{position:static;flex:none}
.row{display:flex;align-items:center;gap:12px;margin-bottom:4px}
.sw{flex:none;position:relative;width:48px;height:28px;padding:0;border:2px solid var(--bd);border-radius:14px;background:var(--bg)}
.sw::before{content:"";position:absolute;top:3px;inset-inline-start:3px;width:18px;height:18px;border-radius:50%;background:var(--bd);transition:inset-inline-start .15s}
.sw[aria-checked=true]{border-color:var(--ac);background:var(--ac)}
.sw[aria-checked=true]::before{inset-inline-start:23px;background:var(--af)}
.sw:disabled{cursor:not-allowed;opacity:.6}
.cat{padding:12px 0;border-top:1px solid var(--bd)}
fieldset{min-width:0;margin:0;padding:0;border:0}
legend{padding:0;margin-bottom:4px;font-weight:600}
label{display:flex;align-items:center;gap:8px;min-height:32px}
input{width:20px;height:20px;margin:0;accent-color:var(--ac)}
.note{color:var(--mu);font-size:.875em}
.txt .age{margin-top:8px;padding-bottom:0}
.guardian{margin-top:8px;padding-inline-start:12px;border-inline-start:3px solid var(--ac)}
.guardian p{margin:4px 0}
.warn{margin:4px 0 0;font-weight:600}
input{flex:none}
[data-waiting] input{outline:2px solid var(--ac);outline-offset:2px}
.more{display:inline-flex;align-items:center;gap:8px;min-height:24px;padding:0;border:0;background:none;color:var(--ac);text-decoration:underline}
.more::after{content:"";width:6px;height:6px;border:solid;border-width:0 2px 2px 0;transform:rotate(45deg)}
.more[aria-expanded=true]::after{transform:rotate(-135deg)}
ul{margin:8px 0;padding-inline-start:20px}
.tw{overflow-x:auto}
table{width:100%;margin:8px 0;border-collapse:collapse;font-size:.875em}
th{white-space:nowrap}
th,td{padding:4px 0;padding-inline-end:8px;border-bottom:1px solid var(--bd);text-align:start;vertical-align:top}
code{font:.95em ui-monospace,monospace;overflow-wrap:anywhere}
.meta{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0;padding:12px 0;border-top:1px solid var(--bd);color:var(--mu);font-size:.875em}
dd{min-width:0;margin:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:focus-visible{outline:3px solid var(--ac);outline-offset:2px}
[tabindex="-1"]:focus{outline:0}
@keyframes cy-in{from{transform:translateY(8px)}}
@media(prefers-reduced-motion:reduce){*,::before{animation:none!important;transition:none!important}}`;

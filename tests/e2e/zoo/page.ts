import type { Origins } from './trackers';

/**
 * The tag zoo: every kind of tag, marked and unmarked, static and inserted by scripts in every way, plus
 * nested loaders, pixels, beacons and cookie writes. Ids in `__order` name the pattern that ran.
 * `own` (same-origin) and the inline probes are the site's own and always run.
 */
export function zooPage({ A, B }: Origins, options: { head?: string } = {}): string {
  return `<!doctype html>
<html lang="en"><head>
<script src="/sdk.js"></script>
${options.head || ''}
<title>tag zoo</title>
<script>window.__order.push('head-inline');window.__messages=[];addEventListener('message',function(e){__messages.push(e.data)});</script>
<!-- 1. marked external classic script: runs first of the analytics chain -->
<script type="text/plain" data-consent="analytics" data-src="${A}/s/m-ext.js"></script>
<!-- 2. marked inline script: must wait for m-ext -->
<script type="text/plain" data-consent="analytics">window.__order.push('m-inline');document.cookie='_gid=GA1.1.300; path=/';</script>
<!-- 3. marked async script (served late): may run out of order -->
<script type="text/plain" data-consent="analytics" data-src="${A}/s/m-async.js?delay=150" async></script>
<!-- 4. vanilla-cookieconsent alias, src on a text/plain script -->
<script type="text/plain" data-category="analytics" src="${A}/s/vcc.js"></script>
<!-- 5. klaro alias, by the name klaro gave the service (read as the id tracker-a) -->
<script type="text/plain" data-type="text/javascript" data-name="Tracker-A" data-src="${A}/s/klaro.js"></script>
<!-- 6. marked tag manager that loads an advertising tag and an analytics tag -->
<script type="text/plain" data-consent="analytics" data-src="${A}/s/tm.js"></script>
<!-- 7. marked defer and module scripts: after parsing -->
<script type="text/plain" data-consent="analytics" data-src="${A}/s/m-defer.js" defer></script>
<script type="text/plain" data-consent="analytics" data-type="module" data-src="${A}/s/m-module.js"></script>
<!-- 8. bound to a service only (tracker-b: advertising) -->
<script type="text/plain" data-service="tracker-b" data-src="${B}/s/m-service.js"></script>
<!-- 9. marked stylesheet -->
<link rel="stylesheet" data-consent="analytics" data-href="${A}/c/m-link.css">
<!-- 10. unmarked static tracker scripts: the preload scanner fetches them, they must not run -->
<script async src="https://www.google-analytics.com/analytics.js"></script>
<script src="${A}/s/u-static.js"></script>
<!-- 11. the site's own script -->
<script src="/own.js"></script>
<!-- 12. inline snippets writing tracker cookies, and beacons -->
<script>
document.cookie='_ga=GA1.2.999; path=/';document.cookie='_fbp=fb.1.999; path=/';document.cookie='Hm_lvt_inline=1; path=/';
document.cookie='site_pref=dark; path=/';
if (window.cookieStore) cookieStore.set('_gac_zoo', '1').catch(function(){});
navigator.sendBeacon('${A}/beacon/u-beacon', 'x');
fetch('${A}/fetch/u-fetch').catch(function(){});
var x=new XMLHttpRequest();x.open('GET','${A}/xhr/u-xhr');x.onerror=function(){};x.send();
</script>
<!-- 13. Baidu Tongji's official snippet: createElement, src property, insertBefore -->
<script>
var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?zoo";
var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();
</script>
<!-- 14. CNZZ's snippet: document.write -->
<script>var cnzz_protocol=(("https:"==document.location.protocol)?"https://":"https://");document.write(unescape("%3Cspan id='cnzz_stat_icon_1000'%3E%3C/span%3E%3Cscript src='"+cnzz_protocol+"s4.cnzz.com/z_stat.php%3Fid%3D1000' type='text/javascript'%3E%3C/script%3E"));</script>
<!-- 15. Meta pixel's loader -->
<script>!function(f,b,e,v,n,t,s){t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');</script>
</head>
<body>
<!-- 16. marked pixel with srcset, marked iframe (placeholder), marked video, embed and object -->
<img id="m-img" data-consent="advertising" data-src="${B}/p/m-img.gif" data-srcset="${B}/p/m-img-2x.gif 2x" alt="">
<iframe id="m-iframe" data-consent="advertising" data-service="video" data-src="${B}/f/m-iframe.html" width="320" height="180" title="video"></iframe>
<video id="m-video" data-consent="advertising" data-poster="${B}/p/m-poster.gif"><source data-src="${B}/v/m-video.mp4" type="video/mp4"></video>
<embed id="m-embed" data-consent="advertising" data-src="${B}/e/m-embed.svg" type="image/svg+xml" width="10" height="10">
<object id="m-object" data-consent="advertising" data-data="${B}/e/m-object.svg" type="image/svg+xml" width="10" height="10"></object>
<!-- 17. unmarked static pixel and iframe -->
<img id="u-static-img" src="${B}/p/u-static.gif" alt="">
<iframe id="u-static-iframe" src="${B}/f/u-static.html" title="ad"></iframe>
<div id="ref"></div><div id="to-replace"></div>
<script>
window.__order.push('body-inline');
var ref=document.getElementById('ref');
// 18. script: setAttribute + appendChild
var s1=document.createElement('script');s1.setAttribute('src','${A}/s/u-attr.js');document.head.appendChild(s1);
// 19. script: property + append
var s2=document.createElement('script');s2.src='${B}/s/u-append.js';document.body.append(s2);
// 20. img: setAttribute + prepend
var i1=document.createElement('img');i1.setAttribute('src','${A}/p/u-prepend.gif');document.body.prepend(i1);
// 21. iframe: property + before
var f1=document.createElement('iframe');f1.src='${B}/f/u-before.html';ref.before(f1);
// 22. script: property + after
var s3=document.createElement('script');s3.src='${A}/s/u-after.js';ref.after(s3);
// 23. iframe: setAttribute + replaceWith
var f2=document.createElement('iframe');f2.setAttribute('src','${B}/f/u-replace.html');document.getElementById('to-replace').replaceWith(f2);
// 24. img: property + insertAdjacentElement
var i2=document.createElement('img');i2.src='${A}/p/u-adjacent.gif';ref.insertAdjacentElement('afterend',i2);
// 25. new Image() pixel, never inserted
new Image().src='${B}/p/u-new-image.gif';
// 26. a subtree built detached, then inserted
var d=document.createElement('div');var s4=document.createElement('script');s4.src='${A}/s/u-sub.js';var f3=document.createElement('iframe');f3.src='${B}/f/u-sub.html';d.appendChild(s4);d.appendChild(f3);document.body.appendChild(d);
// 27. a fragment
var fr=document.createDocumentFragment();var s5=document.createElement('script');s5.src='${A}/s/u-fragment.js';fr.appendChild(s5);document.body.appendChild(fr);
// 28. link preload to a tracker
var l=document.createElement('link');l.rel='preload';l.as='image';l.href='${B}/p/u-link.gif';document.head.appendChild(l);
</script>
<div id="zoo-end"></div>
<script>window.__order.push('end-inline');</script>
</body></html>`;
}

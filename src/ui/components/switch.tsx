/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
export interface SwitchProps {
  checked: boolean;
  disabled?: boolean;
  /** Id of the visible title that names the switch. */
  labelledBy: string;
  describedBy?: string;
  onToggle?: () => void;
}

/** An on/off button announced as a switch; on and off differ in thumb position, not only colour. */
export function Switch({ checked, disabled, labelledBy, describedBy, onToggle }: SwitchProps) {
  return (
    <button
      role="switch"
      class="sw"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={onToggle}
    />
  );
}

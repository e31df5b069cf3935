import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";

export interface ButtonProps extends Omit<AriaButtonProps, "className"> {
  readonly variant?: ButtonVariant;
  readonly size?: "md" | "sm";
  readonly className?: string;
}

/** The console's button: react-aria's (press, keyboard, focus ring) with our variants. */
export function Button({ variant = "secondary", size = "md", className, ...props }: ButtonProps) {
  const classes = ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", className ?? ""];
  return <AriaButton {...props} className={classes.filter(Boolean).join(" ")} />;
}

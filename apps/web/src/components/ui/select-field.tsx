import type { Key, ReactNode } from "react";
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from "react-aria-components";

export interface SelectItem {
  readonly id: string;
  readonly label: string;
  readonly description?: ReactNode;
  readonly disabled?: boolean;
}

/** A labelled react-aria Select: keyboard and screen-reader complete, disabled items announced. */
export function SelectField(props: {
  label: string;
  items: readonly SelectItem[];
  selectedKey: string | null;
  onChange: (key: string | null) => void;
  placeholder?: string;
  description?: string;
  errorMessage?: string | undefined;
  isRequired?: boolean;
  className?: string;
}) {
  const disabledKeys = props.items.filter((item) => item.disabled).map((item) => item.id);
  return (
    <Select
      className={`field ${props.className ?? ""}`}
      selectedKey={props.selectedKey}
      onSelectionChange={(key: Key | null) => props.onChange(key === null ? null : String(key))}
      disabledKeys={disabledKeys}
      placeholder={props.placeholder ?? ""}
      isRequired={props.isRequired ?? false}
      isInvalid={Boolean(props.errorMessage)}
    >
      <Label className="field-label">{props.label}</Label>
      <Button className="select-trigger">
        <SelectValue className="select-value">
          {/* Only the chosen item's name in the trigger; its description is for the list. */}
          {({ selectedText, isPlaceholder, defaultChildren }) =>
            isPlaceholder ? defaultChildren : selectedText
          }
        </SelectValue>
        <span aria-hidden="true" className="select-caret">
          ▾
        </span>
      </Button>
      {props.description ? (
        <Text slot="description" className="field-help">
          {props.description}
        </Text>
      ) : null}
      {props.errorMessage ? (
        <Text slot="errorMessage" className="field-error">
          {props.errorMessage}
        </Text>
      ) : null}
      <Popover className="popover">
        <ListBox className="listbox" items={props.items}>
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.label} className="listbox-item">
              <span className="listbox-label">{item.label}</span>
              {item.description ? <span className="listbox-desc">{item.description}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

import { ROLES, type Role } from "@pca/contracts";
import { Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * The three roles as radio buttons, each with what it may do, so the choice is made knowingly.
 * Arrow keys move between them; disabled roles are announced as such.
 */
export function RolePicker(props: {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  description?: string | undefined;
  disabledRoles?: readonly Role[];
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      className="field"
      value={props.value}
      onChange={(next) => {
        if (isRole(next)) props.onChange(next);
      }}
    >
      <Label className="field-label">{props.label}</Label>
      <div className="role-options">
        {ROLES.map((role) => (
          <Radio
            key={role}
            value={role}
            className="role-option"
            isDisabled={props.disabledRoles?.includes(role) ?? false}
          >
            <span className="role-option-mark" aria-hidden="true" />
            <span>
              <span className="role-option-name">{t(`role.${role}`)}</span>
              <span className="role-option-help">{t(`roleHelp.${role}`)}</span>
            </span>
          </Radio>
        ))}
      </div>
      {props.description ? (
        <Text slot="description" className="field-help">
          {props.description}
        </Text>
      ) : null}
    </RadioGroup>
  );
}

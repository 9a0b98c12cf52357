"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { saveNotificationPreferences, type NotificationActionState } from "@/lib/notifications/actions";
import type { EmailKind } from "@/lib/status";

export interface PreferenceRow {
  kind: EmailKind;
  label: string;
  hint: string;
  enabled: boolean;
}

export function NotificationPreferencesForm({ settings }: { settings: PreferenceRow[] }) {
  const [state, action, pending] = useActionState<NotificationActionState, FormData>(saveNotificationPreferences, null);
  // Not through the form's action once hydrated: React then resets the form after the save, and the
  // DSFR switches keep their own state, so each showed its old position over the saved one (and a
  // second save undid the first). The action attribute stays for a page not yet hydrated.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={onSubmit}>
      <fieldset className="fr-fieldset" aria-labelledby="notifications-legend">
        <legend className="fr-fieldset__legend" id="notifications-legend">
          E-mails que vous recevez
        </legend>
        {settings.map((setting) => (
          <div className="fr-fieldset__element" key={setting.kind}>
            <input type="hidden" name="shown" value={setting.kind} />
            <ToggleSwitch
              id={`notification-${setting.kind}`}
              name={setting.kind}
              label={setting.label}
              helperText={setting.hint}
              inputTitle={setting.label}
              defaultChecked={setting.enabled}
              labelPosition="left"
            />
          </div>
        ))}
      </fieldset>
      <div aria-live="polite" role="status">
        {state?.ok && (
          <Alert
            key={state.savedAt}
            severity="success"
            small
            description="Vos préférences de notification sont enregistrées."
            className="fr-mb-3w"
          />
        )}
      </div>
      {state?.ok === false && <Alert severity="error" small description={state.error} className="fr-mb-3w" />}
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's top. */}
      <Button type="submit" nativeButtonProps={{ "aria-disabled": pending }}>
        Enregistrer mes préférences
      </Button>
    </form>
  );
}

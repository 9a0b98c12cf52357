"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { sendApplicationAction } from "@/lib/applications/send-actions";
import type { CandidateSearchResult } from "@/lib/applications/candidates";
import {
  JOB_TITLE_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MIN_LENGTH,
  sendApplicationSchema,
  type SendApplicationField,
  type SendApplicationFormValues,
  type SendApplicationInput,
} from "@/lib/applications/send-validation";
import { CandidatePicker } from "@/components/applications/candidate-picker";
import { EmployerPicker } from "@/components/applications/employer-picker";
import { NewCandidateFields } from "@/components/applications/new-candidate-fields";
import { confirmationPath } from "@/lib/routes";

const NEW_CANDIDATE_FIELDS = ["firstName", "lastName", "email", "phone", "birthDate"] as const;

/** Focuses the first field in error, in page order; false when none is rendered yet. */
function focusFirstError(): boolean {
  const field = document.querySelector<HTMLElement>(
    ":is(.fr-input-group--error, .fr-select-group--error, .fr-fieldset--error) :is(input, textarea, select)",
  );
  field?.focus();
  return Boolean(field);
}

/** "Envoyer à un autre employeur": the declined application the form starts from. */
export interface ResendPrefill {
  applicationId: string;
  employerName: string;
  message: string;
}

export function SendApplicationForm({
  initialCandidate,
  resend = null,
}: {
  initialCandidate: CandidateSearchResult | null;
  resend?: ResendPrefill | null;
}) {
  const router = useRouter();
  const alertRef = useRef<HTMLDivElement>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [selectedCandidate, setSelectedCandidate] = useState<CandidateSearchResult | null>(initialCandidate);
  // Asked when a submit fails. react-hook-form publishes the errors only after calling back, so the
  // first render may not show them yet: the request waits for a render that does.
  const focusPending = useRef(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const requestErrorFocus = () => {
    focusPending.current = true;
    setFocusRequest((n) => n + 1);
  };

  const form = useForm<SendApplicationFormValues, unknown, SendApplicationInput>({
    resolver: zodResolver(sendApplicationSchema),
    // Picks are radio buttons that may not be rendered yet: focus follows the page order instead.
    shouldFocusError: false,
    defaultValues: {
      candidateMode: initialCandidate ? "existing" : "new",
      candidateId: initialCandidate?.id ?? "",
      firstName: "",
      lastName: "",
      email: "",
      phone: "",
      birthDate: "",
      employerOrganizationId: "",
      jobIds: [],
      spontaneous: false,
      resentFromId: resend?.applicationId ?? "",
      jobTitle: "",
      message: resend?.message ?? "",
    },
  });
  const {
    register,
    control,
    setValue,
    clearErrors,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = form;
  useEffect(() => {
    if (focusPending.current && focusFirstError()) focusPending.current = false;
  }, [focusRequest, errors]);
  const [mode, email, message] = useWatch({ control, name: ["candidateMode", "email", "message"] });

  // Values of the hidden mode would otherwise be validated (and sent) with the visible one.
  const modeField = register("candidateMode");
  const switchMode: typeof modeField.onChange = async (event) => {
    if (event.target.value === "new") {
      setValue("candidateId", "");
      setSelectedCandidate(null);
      clearErrors("candidateId");
    } else {
      for (const name of NEW_CANDIDATE_FIELDS) setValue(name, "");
      clearErrors([...NEW_CANDIDATE_FIELDS]);
    }
    return modeField.onChange(event);
  };

  const withoutEmail = mode === "new" ? !email?.trim() : selectedCandidate !== null && !selectedCandidate.hasEmail;

  const submit = async () => {
    setServerError(null);
    // The action parses the form's own values with the same schema.
    const result = await sendApplicationAction(getValues()).catch(() => null);
    if (result?.ok) {
      router.push(confirmationPath(result.applicationId));
      return;
    }
    setServerError(result?.error ?? "La candidature n'a pas pu être envoyée. Vérifiez votre connexion et réessayez.");
    const fieldErrors = Object.entries(result?.fieldErrors ?? {}) as [SendApplicationField, string][];
    for (const [name, messageText] of fieldErrors) setError(name, { type: "server", message: messageText });
    if (fieldErrors.length === 0) alertRef.current?.focus();
    else requestErrorFocus();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => form.handleSubmit(submit, requestErrorFocus)(event);

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Envoyer une candidature">
        <div ref={alertRef} tabIndex={-1}>
          {serverError && <Alert severity="error" small description={serverError} className="fr-mb-3w" />}
        </div>
        {resend && (
          <Alert
            severity="info"
            small
            className="fr-mb-3w"
            description={`Vous envoyez à un autre employeur la candidature déclinée par ${resend.employerName}\u00a0: le candidat et le message sont repris, modifiez-les si besoin. L'employeur ${resend.employerName} n'en sera pas informé.`}
          />
        )}

        <fieldset className="fr-fieldset" aria-labelledby="candidate-legend">
          <legend className="fr-fieldset__legend" id="candidate-legend">
            <h2 className="fr-h4 fr-mb-0">Candidat</h2>
          </legend>
          <div className="fr-fieldset__element">
            <RadioButtons
              legend="Pour qui envoyez-vous cette candidature&nbsp;?"
              orientation="horizontal"
              options={[
                { label: "Nouveau candidat", nativeInputProps: { ...modeField, onChange: switchMode, value: "new" } },
                {
                  label: "Candidat déjà accompagné par votre organisation",
                  nativeInputProps: { ...modeField, onChange: switchMode, value: "existing" },
                },
              ]}
            />
          </div>
          {mode === "existing" ? <CandidatePicker selected={selectedCandidate} onSelect={setSelectedCandidate} /> : <NewCandidateFields />}
          {withoutEmail && (
            <div className="fr-fieldset__element">
              <Alert
                severity="info"
                small
                description={
                  <>
                    <strong>Sans adresse e-mail, le candidat ne recevra aucun e-mail</strong>&nbsp;: ni confirmation, ni réponse de
                    l&apos;employeur. Vous, en revanche, serez informé(e) par e-mail de chaque décision de l&apos;employeur. Pensez à le
                    préciser dans votre message&nbsp;: indiquez à l&apos;employeur que le candidat n&apos;a pas d&apos;adresse e-mail (ou
                    n&apos;y a pas accès) et comment le joindre.
                  </>
                }
              />
            </div>
          )}
        </fieldset>

        <EmployerPicker />

        <fieldset className="fr-fieldset" aria-labelledby="application-legend">
          <legend className="fr-fieldset__legend" id="application-legend">
            <h2 className="fr-h4 fr-mb-0">Candidature</h2>
          </legend>
          <div className="fr-fieldset__element">
            <Input
              label="Métier ou poste visé (facultatif)"
              state={errors.jobTitle ? "error" : "default"}
              stateRelatedMessage={errors.jobTitle?.message}
              nativeInputProps={{ maxLength: JOB_TITLE_MAX_LENGTH, autoComplete: "off", ...register("jobTitle") }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label="Message à l'employeur"
              hintText={`Présentez le candidat, son projet et ses disponibilités, sans donnée de santé ni situation judiciaire (entre ${MESSAGE_MIN_LENGTH} et ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères).`}
              textArea
              state={errors.message ? "error" : "default"}
              stateRelatedMessage={errors.message?.message}
              nativeTextAreaProps={{ rows: 8, "aria-required": true, ...register("message") }}
            />
            <p className="fr-hint-text">
              {(message ?? "").trim().length.toLocaleString("fr-FR")} / {MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères
            </p>
          </div>
        </fieldset>

        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Envoi en cours…" : "Envoyer la candidature"}
        </Button>
      </form>
    </FormProvider>
  );
}

import { useState } from "react";
import { DropZone, FileTrigger, Label, Text, TextArea, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { ACCEPTED_CSR_EXTENSIONS, type CsrSource, readCsrFile } from "../lib/read-csr-file";

/**
 * The CSR field: paste in any form pki accepts (PEM with any newlines, JSON-escaped `\n`, bare
 * base64), or drop / pick a .csr .pem .der .txt file. A binary DER file is held as bytes.
 */
export function CsrInput(props: {
  source: CsrSource;
  onChange: (source: CsrSource) => void;
  errorMessage?: string | undefined;
}) {
  const { t } = useTranslation();
  const [fileError, setFileError] = useState<string | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    const result = await readCsrFile(file);
    if (result.ok) {
      setFileError(null);
      props.onChange(result.source);
    } else {
      setFileError(t(result.reason === "too-large" ? "issue.csr.fileTooLarge" : "issue.csr.fileUnreadable"));
    }
  };
  const { source } = props;
  return (
    <DropZone
      className="dropzone"
      aria-label={t("issue.csr.dropLabel")}
      onDrop={async (event) => {
        const item = event.items.find((i) => i.kind === "file");
        if (item && item.kind === "file") await load(await item.getFile());
      }}
    >
      {source.kind === "der" ? (
        <fieldset className="der-chip">
          <legend className="field-label">{t("issue.csr.label")}</legend>
          <p>{t("issue.csr.derLoaded", { fileName: source.fileName, count: source.bytes.length })}</p>
          <Button size="sm" onPress={() => props.onChange({ kind: "text", text: "" })}>
            {t("issue.csr.clear")}
          </Button>
        </fieldset>
      ) : (
        <TextField
          className="field"
          value={source.text}
          onChange={(text) => props.onChange({ kind: "text", text })}
          isInvalid={Boolean(props.errorMessage)}
          aria-describedby="csr-help"
        >
          <Label className="field-label">{t("issue.csr.label")}</Label>
          <TextArea
            className="textarea mono"
            rows={10}
            spellCheck={false}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            placeholder={"-----BEGIN CERTIFICATE REQUEST-----\n…\n-----END CERTIFICATE REQUEST-----"}
          />
          <Text slot="description" className="field-help" id="csr-help">
            {t("issue.csr.help")}
          </Text>
        </TextField>
      )}
      <div className="dropzone-bar">
        <span className="muted small">{t("issue.csr.dropHint")}</span>
        <FileTrigger
          acceptedFileTypes={[...ACCEPTED_CSR_EXTENSIONS]}
          onSelect={(files) => void load(files?.[0])}
        >
          <Button size="sm">{t("issue.csr.pickFile")}</Button>
        </FileTrigger>
      </div>
      {fileError ? (
        <p className="field-error" role="alert">
          {fileError}
        </p>
      ) : null}
      {props.errorMessage ? (
        <p className="field-error" role="alert">
          {props.errorMessage}
        </p>
      ) : null}
    </DropZone>
  );
}

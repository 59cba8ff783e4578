/**
 * The "Add a post" form: post name, role (the catalog's titles or free text), band, point, WTE, HCAS zone, status
 * and start date in band. Enter or "Add post" adds it to the list of posts to build; each field's problem is
 * explained beside it and focus goes to the first one.
 */
import { Button, Combobox, Field, Input, Option, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import {
  type Band,
  type HcasZone,
  type PayPointName,
  type PlannedPost,
  POST_STATUSES,
  type PostStatus,
  parsePlannedPost,
  payFor,
} from "../../domain";
import { BandField, PointField, ZoneField, useFieldStyles } from "./CostingFields";
import { parseWteText, roleTitles, sentence } from "./costingText";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  combo: { minWidth: 0, width: "100%" },
});

type Problems = Partial<Record<"post" | "wte" | "point" | "start" | "form", string>>;

export interface AddPostFormProps {
  readonly catalog: Catalog;
  /** The plan's year, to check the band has the point. */
  readonly year: string;
  /** Names already in the list (lower case). */
  readonly listed: ReadonlySet<string>;
  readonly onAdd: (post: PlannedPost) => void;
}

export function AddPostForm({ catalog, year, listed, onAdd }: AddPostFormProps) {
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const [post, setPost] = useState("");
  const [role, setRole] = useState("");
  const [band, setBand] = useState("5");
  const [point, setPoint] = useState<PayPointName>("top");
  const [wte, setWte] = useState("1");
  const [zone, setZone] = useState<HcasZone | "none">("none");
  const [status, setStatus] = useState<PostStatus>("In post");
  const [start, setStart] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const postInput = useRef<HTMLInputElement>(null);
  const wteInput = useRef<HTMLInputElement>(null);
  const pointSelect = useRef<HTMLSelectElement>(null);
  const startInput = useRef<HTMLInputElement>(null);

  const titles = roleTitles(catalog);
  const typed = role.trim().toLowerCase();
  const suggestions = titles.filter((t) => typed === "" || t.toLowerCase().includes(typed));

  const add = (): void => {
    const found: Problems = {};
    const name = post.trim();
    if (name === "") found.post = "Give the post a name, such as “Band 6 practitioner 1”";
    else if (listed.has(name.toLowerCase())) found.post = `“${name}” is already in the list: give each post its own name`;
    const parsedWte = parseWteText(wte);
    if (!parsedWte.ok) found.wte = parsedWte.message;
    try {
      payFor(catalog.pay, band, point, year);
    } catch (e) {
      found.point = sentence((e as Error).message);
    }
    if (start !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(start)) found.start = "Give the date as yyyy-mm-dd";
    let planned: PlannedPost | null = null;
    if (Object.keys(found).length === 0) {
      try {
        planned = parsePlannedPost({ post: name, role, band, point, wte, hcasZone: zone, status, startInBand: start }, "This post");
      } catch (e) {
        found.form = (e as Error).message;
      }
    }
    setProblems(found);
    if (!planned) {
      // Take the user to the first thing to put right; its message is beside it.
      if (found.post) postInput.current?.focus();
      else if (found.point) pointSelect.current?.focus();
      else if (found.wte) wteInput.current?.focus();
      else if (found.start) startInput.current?.focus();
      return;
    }
    onAdd(planned);
    // Ready for the next post: a new name; the rest stays, as posts often come in similar sets — but not the start
    // date in band, which is one person's (a vacancy has none).
    setPost("");
    setStart("");
    postInput.current?.focus();
  };

  const error = (message: string | undefined) =>
    message ? { validationState: "error" as const, validationMessage: message } : { validationState: "none" as const };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <fieldset className={styles.form}>
        <legend className={styles.legend}>Add a post</legend>
        <Field label="Post name" required {...error(problems.post)}>
          <Input ref={postInput} value={post} onChange={(_, data) => setPost(data.value)} placeholder="e.g. L&D practitioner 1" />
        </Field>
        <Field label="Role" hint="Choose one of the catalog's roles or type your own">
          <Combobox
            className={styles.combo}
            freeform
            value={role}
            selectedOptions={titles.includes(role) ? [role] : []}
            onChange={(event) => setRole(event.target.value)}
            // Typing over a chosen title clears the selection (no optionText): the typed text, set by onChange, stays.
            onOptionSelect={(_, data) => {
              if (data.optionText !== undefined) setRole(data.optionText);
            }}
          >
            {suggestions.map((t) => (
              <Option key={t} value={t}>
                {t}
              </Option>
            ))}
          </Combobox>
        </Field>
        <div className={fieldStyles.pair}>
          <BandField value={band} onChange={(b) => setBand(b as Band)} />
          <PointField pay={catalog.pay} band={band} year={year} selectRef={pointSelect} value={point} onChange={setPoint} {...(problems.point ? { validationMessage: problems.point } : {})} />
          <Field label="WTE" className={fieldStyles.field} {...error(problems.wte)}>
            <Input ref={wteInput} className={fieldStyles.control} inputMode="decimal" value={wte} onChange={(_, data) => setWte(data.value)} />
          </Field>
          <ZoneField value={zone} onChange={setZone} />
          <Field label="Status" className={fieldStyles.field}>
            <StatusSelect value={status} onChange={setStatus} />
          </Field>
          <Field label="Start in band" hint="Optional" className={fieldStyles.field} {...error(problems.start)}>
            <Input ref={startInput} className={fieldStyles.control} type="date" value={start} onChange={(_, data) => setStart(data.value)} />
          </Field>
        </div>
        {problems.form ? <Field validationState="error" validationMessage={problems.form} /> : null}
        <div>
          <Button type="submit">Add post</Button>
        </div>
      </fieldset>
    </form>
  );
}

function StatusSelect({ value, onChange }: { value: PostStatus; onChange: (status: PostStatus) => void }) {
  const fieldStyles = useFieldStyles();
  return (
    <Select className={fieldStyles.control} value={value} onChange={(_, data) => onChange(data.value as PostStatus)}>
      {POST_STATUSES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </Select>
  );
}

/**
 * The "Add a post" form: post name, role (the catalog's titles or free text), band, point, WTE, HCAS zone, status
 * and start date in band. Enter or "Add post" adds it to the list of posts to build; each field's problem is
 * explained beside it and focus goes to the first one.
 */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import {
  type Band,
  type HcasZone,
  type PayPointName,
  type PlannedPost,
  type PostStatus,
  parsePlannedPost,
  payFor,
} from "../../domain";
import { BandField, PointField, RoleField, StatusField, ZoneField, useFieldStyles } from "./CostingFields";
import { parseWteText, sentence } from "./costingText";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
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
        <RoleField catalog={catalog} value={role} onChange={setRole} />
        <div className={fieldStyles.pair}>
          <BandField value={band} onChange={(b) => setBand(b as Band)} />
          <PointField pay={catalog.pay} band={band} year={year} selectRef={pointSelect} value={point} onChange={setPoint} {...(problems.point ? { validationMessage: problems.point } : {})} />
          <Field label="WTE" className={fieldStyles.field} {...error(problems.wte)}>
            <Input ref={wteInput} className={fieldStyles.control} inputMode="decimal" value={wte} onChange={(_, data) => setWte(data.value)} />
          </Field>
          <ZoneField value={zone} onChange={setZone} />
          <StatusField value={status} onChange={setStatus} />
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

import { Input } from "./input";
import { Label } from "./label";

/** "From" and "To" date fields of a filter bar; each bounds the other, and clearing one removes it. */
export function DateRangeFields({
  idPrefix,
  from,
  to,
  onChange,
  inputClassName,
}: {
  idPrefix: string;
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
  inputClassName?: string;
}) {
  return (
    <>
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-from`} className="text-xs text-muted-foreground">
          From
        </Label>
        <Input
          id={`${idPrefix}-from`}
          type="date"
          className={inputClassName}
          value={from ?? ""}
          max={to}
          onChange={(event) => onChange({ from: event.target.value || undefined })}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-to`} className="text-xs text-muted-foreground">
          To
        </Label>
        <Input
          id={`${idPrefix}-to`}
          type="date"
          className={inputClassName}
          value={to ?? ""}
          min={from}
          onChange={(event) => onChange({ to: event.target.value || undefined })}
        />
      </div>
    </>
  );
}

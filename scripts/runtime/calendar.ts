/**
 * Dates and date-times as real calendar values (RFC 3339 `full-date` / `date-time`, the meaning of Swagger's
 * `format: date` / `date-time`): `2025-02-30`, `0000-00-00` or `2024-01-02T24:00:00Z` are refused. tsoa's own check
 * (validator's isISO8601) accepts week dates, a trailing newline and impossible days with a time part, and a
 * `string` with `@format date` is not checked at all; the generated models carry that format as
 * `validators.format` (scripts/routes/route-generator.ts) and CalendarValidation below enforces it.
 */
import type { FieldErrors, ValidationService } from '@tsoa/runtime';

// validator (the library tsoa's own date checks use), required per function so the bundle takes only these two and
// user projects need no @types package to type-check the runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- one file of validator, typed here, so projects need no @types/validator
const isDate = (require('validator/lib/isDate') as { default: (s: string, o: { format: string; strictMode: boolean; delimiters: string[] }) => boolean }).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- one file of validator, typed here, so projects need no @types/validator
const isRFC3339 = (require('validator/lib/isRFC3339') as { default: (s: string) => boolean }).default;

/** YYYY-MM-DD naming a day that exists (leap years included). */
export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isDate(s, { format: 'YYYY-MM-DD', strictMode: true, delimiters: ['-'] });
}

/** RFC 3339 date-time (offset required) on a real day; second 60 is refused because no JavaScript Date holds it. */
export function isCalendarDateTime(s: string): boolean {
  return isRFC3339(s) && /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}/.test(s) && isCalendarDate(s.slice(0, 10)) && s.slice(17, 19) !== '60';
}

// tsoa's wording, so validation-errors.ts turns them into "must be a date (YYYY-MM-DD)" / "must be a date and time …".
const DATE_MESSAGE = 'invalid ISO 8601 date format, i.e. YYYY-MM-DD';
const DATETIME_MESSAGE = 'invalid ISO 8601 datetime format, i.e. YYYY-MM-DDTHH:mm:ss';

type Validators = Record<string, { value?: unknown; errorMsg?: string } | undefined> | undefined;
type VS = typeof ValidationService;

/** tsoa's ValidationService with calendar checks on `date`/`datetime` types and on strings with a date format. */
export function withCalendarValidation(Base: VS): VS {
  class CalendarValidation extends Base {
    override validateString(name: string, value: unknown, fieldErrors: FieldErrors, validators?: Validators, parent = ''): string | undefined {
      const out = super.validateString(name, value, fieldErrors, validators as never, parent);
      const format = validators?.format?.value;
      if (typeof out !== 'string' || (format !== 'date' && format !== 'date-time')) return out;
      if (format === 'date' ? isCalendarDate(out) : isCalendarDateTime(out)) return out;
      fieldErrors[parent + name] = { message: format === 'date' ? DATE_MESSAGE : DATETIME_MESSAGE, value };
      return undefined;
    }
    override validateDate(name: string, value: unknown, fieldErrors: FieldErrors, isBodyParam: boolean, validators?: Validators, parent = ''): Date | undefined {
      if (typeof value === 'string' && !isCalendarDate(value)) {
        fieldErrors[parent + name] = { message: validators?.isDate?.errorMsg ?? DATE_MESSAGE, value };
        return undefined;
      }
      return super.validateDate(name, value, fieldErrors, isBodyParam, validators as never, parent);
    }
    override validateDateTime(name: string, value: unknown, fieldErrors: FieldErrors, isBodyParam: boolean, validators?: Validators, parent = ''): Date | undefined {
      if (typeof value === 'string' && !isCalendarDateTime(value)) {
        fieldErrors[parent + name] = { message: validators?.isDateTime?.errorMsg ?? DATETIME_MESSAGE, value };
        return undefined;
      }
      return super.validateDateTime(name, value, fieldErrors, isBodyParam, validators as never, parent);
    }
  }
  return CalendarValidation;
}

/**
 * Reads raw parameter values from the real `HttpRequest`. Values stay strings here; tsoa's ValidationService
 * coerces and validates them afterwards.
 */
import { StringDecoder } from 'node:string_decoder';
import type { HttpRequest } from '@azure/functions';
import type { TsoaRoute } from '@tsoa/runtime';
import { HttpError } from './http-error';
import { HTTP_CODES } from './http-codes';

/** The parsed request body and form, read at most once per request. */
export interface RequestInput {
  body?: unknown;
  form?: FormData;
}

/**
 * Array values from a query string. Repeated keys (`?a=1&a=2`) arrive as separate values in stream mode, but the
 * Functions host joins them with commas in buffered mode (`"1,2"`), so both forms are split.
 */
export function queryArray(request: HttpRequest, name: string): string[] | undefined {
  const raw = request.query.getAll(name);
  if (raw.length === 0) return undefined;
  const out: string[] = [];
  for (const v of raw) for (const part of v.split(',')) out.push(part.trim());
  return out;
}

export function queryValue(request: HttpRequest, name: string, isArray: boolean): unknown {
  if (isArray) return queryArray(request, name);
  return request.query.get(name) ?? undefined;
}

/** `@Queries()` model: one value per declared property, arrays split as for `@Query`. */
export function queriesObject(request: HttpRequest, param: TsoaRoute.ParameterSchema, models: TsoaRoute.Models): Record<string, unknown> {
  const model = param.ref ? models[param.ref] : undefined;
  const props = model && model.dataType === 'refObject' ? model.properties : (param.nestedProperties ?? {});
  const out: Record<string, unknown> = {};
  for (const key of new Set(request.query.keys())) {
    const isArray = props[key]?.dataType === 'array';
    out[key] = queryValue(request, key, isArray);
  }
  return out;
}

export function headerValue(request: HttpRequest, name: string, isArray: boolean): unknown {
  const v = request.headers.get(name);
  if (v === null) return undefined;
  return isArray ? v.split(',').map((s) => s.trim()) : v;
}

/** JSON media types: application/json and structured-syntax `+json` types (application/problem+json, …). */
export function isJsonMediaType(contentType: string): boolean {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || /^application\/[^/\s]+\+json$/.test(essence);
}

/**
 * Reads the body once. JSON for application/json and `+json` types, and also when no content type is sent
 * (curl, hand-written clients: the body is parsed, and malformed JSON is a 400, not a guess). text/* is read as
 * text only when the operation's body is a string (`acceptText`). Any other type is 415: the operation cannot read
 * it, and validating it as JSON would only blame the fields. Empty → undefined.
 */
export async function readJsonBody(request: HttpRequest, opts: { acceptText?: boolean } = {}): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').trim();
  const text = await readText(request);
  if (text === '') return undefined;
  if (type === '' || isJsonMediaType(type)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new HttpError(400, HTTP_CODES.MALFORMED_JSON, `The request body is not valid JSON: ${(e as Error).message}`, {
        target: 'body',
        hint: 'Send a well-formed JSON document with content-type application/json.',
      });
    }
  }
  if (opts.acceptText && type.toLowerCase().startsWith('text/')) return text;
  throw new HttpError(415, HTTP_CODES.UNSUPPORTED_MEDIA_TYPE, `Content type '${type}' is not accepted: this operation reads a JSON body.`, {
    target: 'header.Content-Type',
    hint: 'Send the body as JSON with Content-Type: application/json.',
  });
}

/**
 * The body as UTF-8 text (BOM dropped, bad bytes → U+FFFD, as request.text()), decoded chunk by chunk with
 * StringDecoder: text() first concatenates the whole body into one more buffer, and TextDecoder in streaming mode
 * goes through a UTF-16 copy twice the body's size; for a 100 MB body each is a copy this avoids.
 */
async function readText(request: HttpRequest): Promise<string> {
  const body = request.body;
  if (!body) return '';
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) parts.push(decoder.write(chunk));
  parts.push(decoder.end());
  const text = parts.length === 2 ? parts[0]! + parts[1]! : parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function readForm(request: HttpRequest): Promise<FormData> {
  try {
    return await request.formData();
  } catch (e) {
    throw new HttpError(415, HTTP_CODES.UNSUPPORTED_MEDIA_TYPE, `Expected multipart/form-data or application/x-www-form-urlencoded: ${(e as Error).message}`, { target: 'form' });
  }
}

/** A tsoa `File` (the multer shape tsoa declares) built from a web `File`. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  encoding: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

async function toUploadedFile(field: string, f: File): Promise<UploadedFile> {
  const buffer = Buffer.from(await f.arrayBuffer());
  return { fieldname: field, originalname: f.name, encoding: '7bit', mimetype: f.type, size: buffer.length, buffer };
}

function isFileSchema(p: TsoaRoute.PropertySchema): boolean {
  return p.dataType === 'file' || (p.dataType === 'array' && p.array?.dataType === 'file');
}

/** A form field: files become tsoa `File` objects, other fields stay strings (arrays for repeated fields). */
export async function formValue(form: FormData, param: TsoaRoute.ParameterSchema): Promise<unknown> {
  const all = form.getAll(param.name);
  if (all.length === 0) return undefined;
  if (isFileSchema(param)) {
    const files = await Promise.all(all.filter((v): v is File => typeof v !== 'string').map((f) => toUploadedFile(param.name, f)));
    if (files.length === 0) return undefined;
    return param.dataType === 'array' ? files : files[0];
  }
  const strings = all.filter((v): v is string => typeof v === 'string');
  return param.dataType === 'array' ? strings : strings[0];
}

import { readFileSync } from "node:fs";
import path from "node:path";

// A small validator for OTLP's JSON mapping, read from the .proto files themselves. Generic protobuf JSON tools
// do not fit: OTLP/JSON writes trace and span ids as hex (not base64) and enums as integers. Rules, from the
// OTLP specification: lowerCamelCase field names, 64-bit integers as decimal strings, at most one member of a
// oneof, and no field the proto does not declare.

interface Field {
  name: string;
  type: string;
  repeated: boolean;
  oneof?: string;
}

export type Messages = Map<string, Field[]>;

const SCALARS = new Set([
  "string",
  "bool",
  "bytes",
  "double",
  "float",
  "int32",
  "uint32",
  "fixed32",
  "sfixed32",
  "sint32",
  "int64",
  "uint64",
  "fixed64",
  "sfixed64",
  "sint64",
]);

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Reads every `message` (fields, oneofs) and `enum` name of the given .proto files. */
export function readProtos(dir: string, files: string[]): { messages: Messages; enums: Set<string> } {
  const messages: Messages = new Map();
  const enums = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8")
      .replace(/\/\/.*$/gm, "")
      .replace(/\/\*[\s\S]*?\*\//g, "");
    for (const match of text.matchAll(/enum\s+(\w+)\s*\{/g)) enums.add(match[1] as string);
    for (const match of text.matchAll(/message\s+(\w+)\s*\{/g)) {
      let depth = 1;
      let end = (match.index as number) + match[0].length;
      while (depth > 0 && end < text.length) {
        if (text[end] === "{") depth++;
        if (text[end] === "}") depth--;
        end++;
      }
      const body = text.slice((match.index as number) + match[0].length, end - 1);
      const fields: Field[] = [];
      const oneofs = [...body.matchAll(/oneof\s+(\w+)\s*\{([^}]*)\}/g)];
      for (const [, oneof, inner] of oneofs) {
        for (const field of (inner as string).matchAll(/([\w.]+)\s+(\w+)\s*=\s*\d+\s*;/g)) {
          fields.push({ type: field[1] as string, name: camel(field[2] as string), repeated: false, oneof });
        }
      }
      const plain = body.replace(/oneof\s+\w+\s*\{[^}]*\}/g, "");
      for (const field of plain.matchAll(/(repeated\s+)?([\w.]+)\s+(\w+)\s*=\s*\d+\s*;/g)) {
        if (field[2] === "reserved") continue;
        fields.push({ type: field[2] as string, name: camel(field[3] as string), repeated: Boolean(field[1]) });
      }
      messages.set(match[1] as string, fields);
    }
  }
  return { messages, enums };
}

const HEX_IDS: Record<string, number> = { traceId: 32, spanId: 16 };

/** Every way `value` breaks the JSON mapping of message `type`, as `path: problem` lines. */
export function checkOtlpJson(
  protos: { messages: Messages; enums: Set<string> },
  type: string,
  value: unknown,
  at = "$",
): string[] {
  const fields = protos.messages.get(type);
  if (!fields) return [`${at}: unknown message ${type}`];
  if (!value || typeof value !== "object" || Array.isArray(value)) return [`${at}: ${type} must be an object`];
  const problems: string[] = [];
  const setOneofs = new Map<string, string>();
  for (const [key, item] of Object.entries(value)) {
    const field = fields.find((candidate) => candidate.name === key);
    if (!field) {
      problems.push(`${at}.${key}: ${type} has no field "${key}"`);
      continue;
    }
    if (field.oneof) {
      const other = setOneofs.get(field.oneof);
      if (other) problems.push(`${at}: oneof ${field.oneof} has both ${other} and ${key}`);
      setOneofs.set(field.oneof, key);
    }
    const items = field.repeated ? item : [item];
    if (field.repeated && !Array.isArray(item)) {
      problems.push(`${at}.${key}: must be an array`);
      continue;
    }
    (items as unknown[]).forEach((element, index) => {
      const where = field.repeated ? `${at}.${key}[${index}]` : `${at}.${key}`;
      problems.push(...checkField(protos, field, element, where));
    });
  }
  return problems;
}

function checkField(
  protos: { messages: Messages; enums: Set<string> },
  field: Field,
  value: unknown,
  at: string,
): string[] {
  const type = field.type.split(".").at(-1) as string;
  if (!SCALARS.has(type)) {
    if (protos.enums.has(type)) return Number.isInteger(value) ? [] : [`${at}: enum ${type} must be an integer`];
    return checkOtlpJson(protos, type, value, at);
  }
  switch (type) {
    case "string":
      return typeof value === "string" ? [] : [`${at}: must be a string`];
    case "bool":
      return typeof value === "boolean" ? [] : [`${at}: must be a boolean`];
    case "double":
    case "float":
      return typeof value === "number" ? [] : [`${at}: must be a number`];
    case "bytes": {
      const length = HEX_IDS[field.name];
      if (length) {
        return typeof value === "string" && new RegExp(`^[0-9a-fA-F]{${length}}$`).test(value)
          ? []
          : [`${at}: must be ${length} hex digits`];
      }
      return typeof value === "string" && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? [] : [`${at}: must be base64`];
    }
    default:
      if (type.endsWith("64")) {
        return typeof value === "string" && /^-?\d+$/.test(value) ? [] : [`${at}: must be a decimal string`];
      }
      return Number.isInteger(value) ? [] : [`${at}: must be an integer`];
  }
}

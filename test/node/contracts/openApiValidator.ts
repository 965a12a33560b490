import Ajv, { type ValidateFunction } from "ajv";

type Schema = Record<string, unknown>;

// OpenAPI 3.0 writes "may be null" as `nullable: true`; JSON Schema writes it as a union with null.
function fromOpenApi(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (!node || typeof node !== "object") return node;
  const { nullable, example, examples, discriminator, xml, externalDocs, ...rest } = node as Schema;
  const converted: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    // Under `properties` the keys are field names, not keywords: keep every one.
    converted[key] =
      key === "properties" && value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([field, schema]) => [field, fromOpenApi(schema)]))
        : fromOpenApi(value);
  }
  return nullable === true ? { anyOf: [converted, { type: "null" }] } : converted;
}

function compiler(document: Schema): (pointer: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const format of ["double", "float", "int32", "int64", "date-time", "uri", "uuid", "date", "binary", "byte"]) {
    ajv.addFormat(format, true);
  }
  ajv.addSchema(
    {
      $id: "openapi",
      components: fromOpenApi(document.components) as Schema,
      paths: fromOpenApi(document.paths) as Schema,
    },
    "openapi",
  );
  return (pointer) => ajv.compile({ $ref: `openapi#${pointer}` });
}

/** Compiles `#/components/schemas/<name>` of an OpenAPI document (3.0 or 3.1) into an ajv validator. */
export function openApiValidator(document: Schema, name: string): ValidateFunction {
  return compiler(document)(`/components/schemas/${name}`);
}

/** Compiles the JSON request body of one operation (`POST /v1/datasets/upload`) into an ajv validator. */
export function openApiRequestValidator(document: Schema, method: string, path: string): ValidateFunction {
  const escaped = path.replaceAll("~", "~0").replaceAll("/", "~1");
  return compiler(document)(`/paths/${escaped}/${method.toLowerCase()}/requestBody/content/application~1json/schema`);
}

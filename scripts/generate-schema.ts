// Generates the JSON Schema of the event contract from its TypeScript types (src/events/types.ts), so the two
// cannot drift: `npm run schema` writes src/events/schema.json, and test/events/schema.test.ts fails
// when the committed file differs from what the types generate.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const typesPath = path.join(root, "src/events/types.ts");
const outPath = path.join(root, "src/events/schema.json");

export function generateSchema(): Record<string, unknown> {
  const generator = createGenerator({
    path: typesPath,
    type: "FeedbackEvent",
    skipTypeCheck: true,
    additionalProperties: false,
    expose: "export",
    topRef: true,
    jsDoc: "extended",
  });
  const schema = generator.createSchema("FeedbackEvent");
  const union = schema.definitions?.FeedbackEvent as Record<string, unknown>;
  // `oneOf` with a discriminator makes validators report the fields of the matching event type only, instead
  // of one error per union member.
  union.oneOf = union.anyOf;
  delete union.anyOf;
  union.type = "object";
  union.discriminator = { propertyName: "type" };
  return {
    $schema: schema.$schema,
    $id: "https://unpkg.com/react-feedback-loop/dist/schema.json",
    title: "react-feedback-loop feedback event, contract v1",
    ...schema,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(outPath, `${JSON.stringify(generateSchema(), null, 2)}\n`);
  console.log(`wrote ${outPath}`);
}

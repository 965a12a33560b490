import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { VendorPreview } from "./support/VendorPreview";

const meta = {
  title: "Sinks/Vendor mapping",
  component: VendorPreview,
  parameters: {
    feedback: { provider: false },
    docs: {
      description: {
        component:
          "What each vendor sink sends for an event: Langfuse scores, LangSmith feedback, a Phoenix annotation and an OpenTelemetry log record per answer (a preference has two: the chosen and the other). Ids come from `feedbackKey`, so a changed vote keeps its score id.",
      },
    },
  },
} satisfies Meta<typeof VendorPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A thumbs-down with a reason, then an edit: the edit becomes a Langfuse CORRECTION carrying the final text. */
export const EveryVendor: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("region", { name: "Langfuse request" })).toHaveTextContent('"dataType": "BOOLEAN"');
    await userEvent.click(canvas.getByRole("radio", { name: "Thumbs down with reasons" }));
    await expect(canvas.getByRole("region", { name: "Phoenix request" })).toHaveTextContent(
      '"explanation": "The link does not exist"',
    );
    await userEvent.click(canvas.getByRole("radio", { name: "Edit" }));
    const langfuse = canvas.getByRole("region", { name: "Langfuse request" });
    await expect(langfuse).toHaveTextContent('"dataType": "CORRECTION"');
    await expect(langfuse).toHaveTextContent('"value": "Paris is in France."');
    await expect(canvas.getByRole("region", { name: "OpenTelemetry request" })).toHaveTextContent(
      '"eventName": "gen_ai.evaluation.result"',
    );
    await expect(canvas.getByRole("region", { name: "LangSmith request" })).toHaveTextContent(
      '"correction": "Paris is in France."',
    );
  },
};

/** A choice between two answers: each vendor gets a record on each answer, 1 for the chosen and 0 for the other. */
export const Preference: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Preference" }));
    const langsmith = canvas.getByRole("region", { name: "LangSmith request" });
    await expect(langsmith).toHaveTextContent('"run_id": "0b7a3c1e-5d2f-4f6a-9b8c-1d2e3f4a5b6c"');
    await expect(langsmith).toHaveTextContent('"run_id": "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"');
    await expect(langsmith).toHaveTextContent('"key": "user_preference"');
    const phoenix = canvas.getByRole("region", { name: "Phoenix request" });
    await expect(phoenix).toHaveTextContent('"span_id": "00f067aa0ba902b7"');
    await expect(phoenix).toHaveTextContent('"span_id": "b7ad6b7169203331"');
    await expect(canvas.getByRole("region", { name: "Langfuse request" })).toHaveTextContent(
      '"traceId": "0af7651916cd43dd8448eb211c80319c"',
    );
  },
};

/**
 * What the fake assistant knows: canned answers per question, several per question so that regenerate gives
 * a different one. Matching is by keyword so that the composer can ask anything.
 */
export interface CannedTopic {
  /** Words that pick this topic from a question. */
  keywords: readonly string[];
  /** A question that leads here, offered as a suggestion in the composer. */
  question: string;
  /** What the assistant suggests asking next, as a draft in the composer for the user to edit. */
  followUp: string;
  answers: readonly string[];
}

export const TOPICS: readonly CannedTopic[] = [
  {
    keywords: ["debounce", "typescript", "function"],
    question: "How do I debounce a function in TypeScript?",
    followUp: "How do I cancel a debounced function in TypeScript when the component unmounts?",
    answers: [
      "Wrap the function so that each call **restarts a timer**; only the last call in a burst runs.\n\n```ts\nexport function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return (...args: A) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n}\n```\n\nUse it for search boxes and `resize` handlers; 200 to 300 ms feels instant to most people.",
      'A debounced function waits until calls stop for a moment, then runs once with the last arguments.\n\n```ts\nconst save = debounce((text: string) => api.save(text), 250);\ninput.addEventListener("input", () => save(input.value));\n```\n\nIf you need the first call to run at once as well, pass a leading flag and run before starting the timer.',
    ],
  },
  {
    keywords: ["paris", "weekend", "trip", "visit"],
    question: "Plan a rainy weekend in Paris for me.",
    followUp: "Which of those places in Paris should I book ahead?",
    answers: [
      "Two days mostly **under a roof**:\n\n- **Saturday**: start at the Musée d'Orsay when it opens, lunch in the covered Passage des Panoramas, then the Sainte-Chapelle in the afternoon light.\n- **Sunday**: the Catacombs (*book ahead*), a long lunch in the Marais and the Centre Pompidou until closing.",
      "Keep each day under one roof for the wettest hours:\n\n1. **Saturday**: the Louvre's Richelieu wing, then the galleries of the Palais-Royal.\n2. **Sunday**: the Musée de l'Orangerie, then the Galeries Lafayette rooftop if the rain stops.",
    ],
  },
  {
    keywords: ["sql", "duplicate", "rows", "query"],
    question: "Write a SQL query that finds duplicate emails.",
    followUp: "How do I delete the duplicate rows in SQL but keep the oldest one?",
    answers: [
      "Group by the email and keep the groups with more than one row:\n\n```sql\nSELECT lower(email) AS email, count(*) AS copies\nFROM users\nGROUP BY lower(email)\nHAVING count(*) > 1\nORDER BY copies DESC;\n```\n\nLower-casing first catches the same address typed with different capitals.",
      "A window function also shows which rows are the duplicates, so you can decide which one to keep:\n\n```sql\nSELECT id, email\nFROM (\n  SELECT id, email, row_number() OVER (PARTITION BY lower(email) ORDER BY id) AS n\n  FROM users\n) ranked\nWHERE n > 1;\n```",
    ],
  },
];

const FALLBACK: readonly string[] = [
  "I can only answer from a short script in this demo: try asking about debouncing in TypeScript, a rainy weekend in Paris or duplicate rows in SQL.",
  "This assistant is a stand-in with canned answers. Ask about debouncing, Paris or SQL duplicates to see code blocks and longer answers.",
];

/** The follow-up the assistant suggests after a question. */
export function followUpFor(question: string): string {
  return topicFor(question)?.followUp ?? TOPICS[0]?.followUp ?? "";
}

/** The topic a question is about: the first whose keyword it mentions. */
export function topicFor(question: string): CannedTopic | undefined {
  const words = question.toLowerCase();
  return TOPICS.find((topic) => topic.keywords.some((keyword) => words.includes(keyword)));
}

/** The answers for a question: the first topic whose keyword it mentions, else the fallback. */
export function answersFor(question: string): readonly string[] {
  return topicFor(question)?.answers ?? FALLBACK;
}

import { cell, type BoardPaper, type Fact } from "../document/index.ts";
import { formatDate, type ReportContext } from "../model/index.ts";
import { generatedText } from "./cells.ts";

const REASON: Record<ReportContext["asOfReason"], string> = {
  given: "",
  meeting: "the date of the meeting",
  data: "the latest date in the report's data",
  today: "today: the report's data records no date",
};

/** "As at 16 Feb 2014", with why that date when it was not asked for. */
export function reportDateFact(context: ReportContext): Fact {
  const reason = REASON[context.asOfReason];
  return {
    label: "Report date",
    value: cell(
      `As at ${formatDate(context.asOf)}`,
      reason ? { sub: `${reason}; --as-of sets another` } : {},
    ),
  };
}

/** The cover facts of a board paper: the partnership, the meeting and agenda item, the author. */
export function paperFacts(context: ReportContext): Fact[] {
  const { paper, partnership } = context;
  const facts: Fact[] = [{ label: "Partnership", value: cell(partnership.name) }];
  if (paper.meeting) {
    const { title, date, body } = paper.meeting;
    const name = body && !title.includes(body) ? `${body}: ${title}` : title;
    facts.push({ label: "Meeting", value: cell(date ? `${name}, ${formatDate(date)}` : name) });
  }
  if (paper.item)
    facts.push({
      label: "Agenda item",
      value: cell(paper.item.title ? `${paper.item.number}: ${paper.item.title}` : paper.item.number),
    });
  if (paper.author) facts.push({ label: "Report of", value: cell(paper.author) });
  return facts;
}

/** The last cover facts of every report: its date and where it came from. */
export function provenanceFacts(context: ReportContext, subjectId: string): Fact[] {
  return [
    reportDateFact(context),
    {
      label: "Generated",
      value: cell(generatedText(context.generatedAt), { sub: `${subjectId} from ${context.source}` }),
    },
  ];
}

/**
 * The board paper: as the request and the agenda item say, else the report's own purpose and
 * recommendations.
 */
export function boardPaper(
  context: ReportContext,
  defaults: { purpose: string; recommendations: string[] },
): BoardPaper {
  const { paper } = context;
  return {
    part: paper.part,
    ...(paper.exemption ? { exemption: paper.exemption } : {}),
    purpose: paper.purpose ?? defaults.purpose,
    recommendations: paper.recommendations.length ? paper.recommendations : defaults.recommendations,
  };
}

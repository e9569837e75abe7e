/** Words the generator builds names from, taken from the kind of papers community safety partnerships publish. */

/** A priority theme: the priority's title, the delivery group that owns it, and what it measures. */
export interface Theme {
  slug: string;
  title: string;
  group: string;
  indicators: readonly string[];
  actions: readonly string[];
}

export const THEMES: readonly Theme[] = [
  {
    slug: "burglary",
    title: "Reducing burglary and property crime",
    group: "Burglary Reduction Group",
    indicators: [
      "Residential burglary",
      "Theft from motor vehicle",
      "Theft of motor vehicle",
      "Personal robbery",
      "Repeat burglary victims",
    ],
    actions: [
      "Target hardening for repeat victims",
      "Operation to disrupt handling of stolen goods",
      "Bike marking events",
      "Crime prevention advice in hotspot wards",
      "Cocooning after each burglary",
    ],
  },
  {
    slug: "asb",
    title: "Tackling anti-social behaviour",
    group: "Anti-Social Behaviour Action Group",
    indicators: [
      "Anti-social behaviour calls to police",
      "Repeat ASB callers",
      "Fly-tipping reports",
      "Community triggers received",
      "ASB case reviews completed",
    ],
    actions: [
      "Monthly ASB hotspot patrol plan",
      "Community trigger process review",
      "Joint tasking with housing providers",
      "Youth diversion activities in parks",
      "Closure orders for problem premises",
    ],
  },
  {
    slug: "vawg",
    title: "Violence against women and girls",
    group: "Domestic Abuse and VAWG Delivery Group",
    indicators: [
      "Domestic abuse incidents",
      "Domestic abuse sanction detections",
      "MARAC referrals",
      "Repeat MARAC referrals",
      "IDVA caseload",
    ],
    actions: [
      "Commission an independent domestic violence advisory service",
      "Sanctuary scheme for high-risk victims",
      "Training for frontline staff on coercive control",
      "Awareness campaign during the sixteen days of action",
      "Perpetrator programme referrals",
    ],
  },
  {
    slug: "reoffending",
    title: "Reducing reoffending",
    group: "Reducing Reoffending Delivery Group",
    indicators: [
      "Proven reoffending rate",
      "IOM cohort reoffending",
      "First-time entrants to youth justice",
      "Accommodation on release",
      "Drug treatment completions",
    ],
    actions: [
      "Integrated offender management cohort review",
      "Accommodation pathway for prison leavers",
      "Employment and training offer for offenders",
      "Drug testing on arrest",
      "Restorative justice conferences",
    ],
  },
  {
    slug: "youth-violence",
    title: "Serious youth violence and gangs",
    group: "Serious Youth Violence Partnership Group",
    indicators: [
      "Knife crime with injury",
      "Serious youth violence victims",
      "Gang nominals engaged",
      "School exclusions",
      "Weapons sweeps completed",
    ],
    actions: [
      "Gangs matrix review panel",
      "Mentoring for young people at risk",
      "Knife crime awareness in schools",
      "Exit programme for gang members",
      "Contextual safeguarding assessments",
    ],
  },
  {
    slug: "hate-crime",
    title: "Hate crime and community cohesion",
    group: "Hate Crime Reduction Group",
    indicators: [
      "Racist and religious hate crime",
      "Homophobic hate crime",
      "Disability hate crime",
      "Third party reporting",
      "Hate incidents reported",
    ],
    actions: [
      "Third party reporting centres",
      "Community reassurance after incidents",
      "Hate crime awareness week",
      "Faith leaders forum",
      "Victim support for hate crime",
    ],
  },
  {
    slug: "prevent",
    title: "Preventing violent extremism",
    group: "Prevent Delivery Group",
    indicators: [
      "Prevent referrals",
      "Channel panel cases",
      "Staff trained in Prevent",
      "Schools with Prevent leads",
      "Community projects funded",
    ],
    actions: [
      "Prevent duty training for schools",
      "Channel panel monthly case review",
      "Workshops to raise awareness of radicalisation",
      "Community engagement with faith settings",
      "Prevent self-assessment",
    ],
  },
  {
    slug: "drugs",
    title: "Drugs and alcohol harm",
    group: "Combating Drugs Partnership",
    indicators: [
      "Drug-related hospital admissions",
      "Alcohol-related disorder",
      "Treatment waiting times",
      "Naloxone kits issued",
      "County lines referrals",
    ],
    actions: [
      "Licensing enforcement with the police",
      "County lines safeguarding",
      "Treatment outreach in custody",
      "Naloxone distribution",
      "Test purchase operations",
    ],
  },
  {
    slug: "exploitation",
    title: "Exploitation and modern slavery",
    group: "Exploitation and Modern Slavery Group",
    indicators: [
      "Modern slavery referrals",
      "Child exploitation cases",
      "National referral mechanism submissions",
      "Missing children episodes",
      "Return home interviews completed",
    ],
    actions: [
      "Modern slavery awareness for licensing officers",
      "Multi-agency child exploitation panel",
      "Return home interviews for missing children",
      "Car wash and nail bar visits",
      "Referral pathway review",
    ],
  },
  {
    slug: "fear-of-crime",
    title: "Reducing the fear of crime",
    group: "Community Confidence Group",
    indicators: [
      "Residents who feel safe after dark",
      "Confidence in local policing",
      "Ward panel meetings held",
      "Street lighting repairs",
      "Public attitude survey responses",
    ],
    actions: [
      "Ward panel priorities published",
      "Safer neighbourhood walkabouts",
      "Street lighting improvements",
      "Communications plan for good news stories",
      "Women's night safety audit",
    ],
  },
];

export const FIRST_NAMES = [
  "Aisha",
  "Andrew",
  "Bethany",
  "Charles",
  "Chioma",
  "David",
  "Deborah",
  "Emma",
  "Farid",
  "Fiona",
  "Gareth",
  "Grace",
  "Hannah",
  "Imran",
  "James",
  "Jasmine",
  "Kiran",
  "Laura",
  "Mark",
  "Mei",
  "Nadia",
  "Oliver",
  "Priya",
  "Rachel",
  "Sanjay",
  "Sarah",
  "Thomas",
  "Una",
  "Victor",
  "Yasmin",
] as const;

export const LAST_NAMES = [
  "Ahmed",
  "Baker",
  "Campbell",
  "Chen",
  "Davies",
  "Evans",
  "Fraser",
  "Green",
  "Hughes",
  "Iqbal",
  "Jones",
  "Kaur",
  "Khan",
  "Lewis",
  "Morgan",
  "Nowak",
  "Okafor",
  "Patel",
  "Quinn",
  "Roberts",
  "Singh",
  "Taylor",
  "Turner",
  "Walker",
  "Williams",
  "Wright",
  "Young",
] as const;

export const HONORIFICS = ["Cllr", "Chief Inspector", "D Supt", "Superintendent", "Dr", "Ms", "Mr"] as const;

/** Place names: PLACE_STEMS x PLACE_ENDINGS gives more than 300 distinct areas. */
export const PLACE_STEMS = [
  "Ash",
  "Bar",
  "Bram",
  "Cal",
  "Dun",
  "Elm",
  "Fair",
  "Glen",
  "Hart",
  "Ing",
  "Kings",
  "Lang",
  "Mar",
  "Nor",
  "Oak",
  "Pen",
  "Red",
  "Stan",
  "Thorn",
  "Wel",
] as const;
export const PLACE_ENDINGS = [
  "ford",
  "ton",
  "ley",
  "bury",
  "ham",
  "field",
  "wick",
  "minster",
  "borough",
  "mouth",
  "stead",
  "by",
  "dale",
  "well",
  "worth",
  "hurst",
] as const;

/** Member agencies of a partnership (name, kind); the first five are the statutory "responsible authorities". */
export const AGENCIES: readonly {
  slug: string;
  name: string;
  kind: "STATUTORY" | "INVITED" | "VOLUNTARY" | "PROVIDER" | "GOVERNMENT";
}[] = [
  { slug: "council", name: "Council", kind: "STATUTORY" },
  { slug: "police", name: "Police", kind: "STATUTORY" },
  { slug: "probation", name: "Probation Service", kind: "STATUTORY" },
  { slug: "fire", name: "Fire and Rescue Service", kind: "STATUTORY" },
  { slug: "icb", name: "Integrated Care Board", kind: "STATUTORY" },
  { slug: "housing", name: "Homes", kind: "INVITED" },
  { slug: "college", name: "College", kind: "INVITED" },
  { slug: "victim-support", name: "Victim Support", kind: "VOLUNTARY" },
  { slug: "womens-aid", name: "Women's Aid", kind: "VOLUNTARY" },
  { slug: "cvs", name: "Council for Voluntary Service", kind: "VOLUNTARY" },
  { slug: "mind", name: "Mind", kind: "VOLUNTARY" },
  { slug: "change-grow-live", name: "Change Grow Live", kind: "PROVIDER" },
  { slug: "solace", name: "Solace Advocacy", kind: "PROVIDER" },
  { slug: "st-mungos", name: "St Mungo's", kind: "PROVIDER" },
  { slug: "pcc", name: "Police and Crime Commissioner", kind: "GOVERNMENT" },
];

/**
 * National agencies every partnership refers to: shared entities (docs/tenancy.md), generated once
 * (bench/generate/shared.ts) and mentioned by each partnership's papers.
 */
export const NATIONAL_AGENCIES: readonly { slug: string; name: string; aliases: string[] }[] = [
  { slug: "home-office", name: "Home Office", aliases: ["HO"] },
  { slug: "ministry-of-justice", name: "Ministry of Justice", aliases: ["MoJ"] },
  { slug: "dwp", name: "Department for Work and Pensions", aliases: ["DWP"] },
];

/** Smaller bodies under the delivery groups: case panels and operational meetings. */
export const PANELS: readonly {
  name: string;
  kind: "CASE_PANEL" | "OPERATIONAL_MEETING" | "COMMUNITY_ENGAGEMENT_GROUP";
  frequency: string;
}[] = [
  { name: "MARAC", kind: "CASE_PANEL", frequency: "Monthly" },
  { name: "Channel Panel", kind: "CASE_PANEL", frequency: "Monthly" },
  { name: "IOM Panel", kind: "CASE_PANEL", frequency: "Fortnightly" },
  { name: "Community MARAC", kind: "CASE_PANEL", frequency: "Monthly" },
  { name: "Gangs Panel", kind: "CASE_PANEL", frequency: "Monthly" },
  { name: "Missing and Exploited Panel", kind: "CASE_PANEL", frequency: "Monthly" },
  { name: "Daily Grip Meeting", kind: "OPERATIONAL_MEETING", frequency: "Daily" },
  { name: "Tasking Meeting", kind: "OPERATIONAL_MEETING", frequency: "Weekly" },
  { name: "Licensing Review Meeting", kind: "OPERATIONAL_MEETING", frequency: "Monthly" },
  { name: "Hotspot Review", kind: "OPERATIONAL_MEETING", frequency: "Fortnightly" },
  { name: "Ward Panel Chairs Forum", kind: "COMMUNITY_ENGAGEMENT_GROUP", frequency: "Quarterly" },
  { name: "Faith Forum", kind: "COMMUNITY_ENGAGEMENT_GROUP", frequency: "Quarterly" },
  { name: "Safer Neighbourhood Board", kind: "COMMUNITY_ENGAGEMENT_GROUP", frequency: "Quarterly" },
];

export const EXTERNAL_BOARDS = [
  "Safeguarding Children Partnership",
  "Safeguarding Adults Board",
  "Health and Wellbeing Board",
  "Youth Justice Management Board",
  "Local Criminal Justice Board",
] as const;

export const QUARTERS = ["Q1", "Q2", "Q3", "Q4"] as const;

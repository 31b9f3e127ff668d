/**
 * The words the benchmark corpus is made of: kinds of news (domains) with
 * their sentence templates, name parts for people, places, organisations and
 * publishers, and the boilerplate sites wrap around articles.
 *
 * Templates hold slots in braces, filled by `corpus.ts`:
 * `{place}` `{place2}` `{country}` places; `{P}` `{Q}` people (full name and
 * title at first mention, surname after), `{R}` an analyst with an appositive;
 * `{org}` `{org2}` organisations; `{n}` `{m}` the story's figures; `{date}` a
 * weekday with month and day ("Tuesday, March 4"); `{dow}` the weekday;
 * `{began}` when the topic began ("last October", "in March 2023"), `{origin}`
 * the same without "in"; `{year}` an
 * earlier year and `{lastYear}` the year before the story's; `{agency}` a news
 * agency; `{crowd}` `{Crowd}` who the news is about; `{noun}` a word of the
 * domain; `{label}` `{Label}` the kind of news; `{adj}` an adjective;
 * `{ordinal}` ("third"). The words are ordinary English, so the corpus
 * exercises the real NLP (compromise) and chrono-node as real text does.
 */

export interface Domain {
  /** Stable id, e.g. `port-strike`. */
  key: string;
  /** What the news is, lower case: "port strike". */
  label: string;
  /** Who it is about, plural, lower case: "dockworkers". */
  crowd: string;
  /** Words of the domain, for `{noun}`. */
  nouns: readonly string[];
  /** Range of the story's main figure `{n}` (drawn log-uniformly). */
  scale: readonly [number, number];
  /** Sentences that state figures (`{n}`, `{m}`), each with a measure the knowledge layer reads. */
  figures: readonly string[];
  /** Title-case headlines; some carry an apostrophe, so repeated copies can differ in it. */
  headlines: readonly string[];
  /** Two-sentence opening paragraphs, each naming `{date}`. */
  leads: readonly string[];
  /** Sentences particular to the domain. */
  details: readonly string[];
  /** What people say, without quotation marks. */
  quotes: readonly string[];
  /** Picture captions: no closing stop, few capitals. */
  captions: readonly string[];
  /** Standfirsts: a summary line with no closing stop. */
  standfirsts: readonly string[];
}

export const DOMAINS: readonly Domain[] = [
  {
    key: 'port-strike',
    label: 'port strike',
    crowd: 'dockworkers',
    nouns: ['port', 'cargo terminal', 'container backlog', 'shipping schedule', 'pay offer', 'automation plan'],
    scale: [300, 12000],
    figures: [
      'About {n} dockworkers walked off the job, and {m} ships were left waiting offshore, according to {org}.',
      '{org} said {n} workers had joined the strike by {dow} evening.',
      'More than {m} containers were stuck at the quayside, {org2} estimated.',
    ],
    headlines: [
      '{place}’s Dockworkers Walk Out Over Pay as Cargo Piles Up',
      'Port Strike in {place} Enters Its {Ordinal} Day',
      'Talks Stall Between {org} and Striking Dockworkers',
      '{P} Warns Port Strike Could Hit Winter Supplies',
    ],
    leads: [
      'Dockworkers at the port of {place} walked off the job on {date}, halting cargo traffic at one of the busiest terminals in the region. The strike followed months of failed negotiations over pay and automation.',
      'Thousands of port workers in {place} began an open-ended strike on {date}, leaving ships queuing outside the harbour. Union leaders said the walkout would continue until the operators improved their offer.',
    ],
    details: [
      'Trucks carrying perishable goods were turned away from the terminal gates in {place}.',
      'The port handles most of the container traffic of {country}, and exporters fear for their contracts.',
      'Pickets blocked access roads to the quayside from dawn, with crane operators joining the walkout.',
      'Freight rates for routes through {place} rose sharply as the backlog grew.',
      '{org} accused the operators of using automation to cut wages by the back door.',
      'Harbour pilots said dozens of vessels were anchored offshore waiting for a berth.',

      'Shipping lines began diverting vessels to {place2}, adding days to delivery times.',
      'The operators have proposed replacing several cranes with automated systems by the end of next year.',
      'Retailers warned that shelves could empty within weeks if the {noun} was not cleared.',
    ],
    quotes: [
      'We have been patient for two years, and patience has run out',
      'No one wants a long strike, but the offer on the table is an insult',
      'Every day the port stays closed costs the economy millions',
      'We remain open to talks at any time',
    ],
    captions: ['striking dockworkers gather outside the terminal gates in {place} on {dow} morning', 'container ships wait at anchor outside the harbour as the strike drags on'],
    standfirsts: ['Thousands of dockworkers walk out over pay as talks with port operators stall', 'Union says the strike will go on until operators improve their offer'],
  },
  {
    key: 'wildfire',
    label: 'wildfire',
    crowd: 'firefighters',
    nouns: ['blaze', 'evacuation order', 'fire line', 'dry forest', 'heatwave', 'smoke plume'],
    scale: [200, 30000],
    figures: [
      'At least {n} people were evacuated from villages near {place}, and {m} homes were destroyed, according to {org}.',
      'Officials said {m} people were killed and dozens more injured as the fire spread overnight.',
      'The fire has burned through more than {n} hectares since it started, {org2} said.',
    ],
    headlines: [
      'Wildfire Forces Thousands to Flee Homes Near {place}',
      '{place}’s Firefighters Battle Blaze as Winds Pick Up',
      'Fire Near {place} Kills {m} as Heatwave Grips the Region',
      '{P} Declares Emergency as Wildfire Spreads',
    ],
    leads: [
      'A fast-moving wildfire forced thousands of residents near {place} to leave their homes on {date}, as strong winds pushed the flames towards the town. Firefighters worked through the night to protect the outskirts.',
      'Firefighters in {place} struggled to contain a wildfire that broke out in dry forest on {date}. The blaze jumped a motorway and reached several villages before dawn.',
    ],
    details: [
      'Crews cut firebreaks through the pine forest above {place} to slow the advance of the flames.',
      'Helicopters dropped water on the ridge while ground teams protected farms on the edge of town.',
      'The smoke drifted as far as {place2}, where health officials advised residents to stay indoors.',
      'Investigators are trying to establish whether the fire was started by a power line or by arson.',
      'Vineyards and olive groves around {place} were scorched as the front moved east.',
      '{org} said the fire danger index had reached its highest level of the summer.',

      'Water-bombing aircraft were sent from {place2} to help the crews on the ground.',
      'Temperatures have stayed above forty degrees for more than a week, leaving the forest tinder-dry.',
      'Roads into the valley were closed, and schools were turned into emergency shelters.',
    ],
    quotes: [
      'The wind changed direction in minutes, and we had nowhere to go',
      'Our crews are exhausted, but they are holding the line',
      'This is the worst fire season anyone here can remember',
      'We ask everyone in the evacuation zone to leave now and not come back until it is safe',
    ],
    captions: ['firefighters work to contain the blaze near {place} on {dow}', 'smoke rises over the hills as residents leave the area by car'],
    standfirsts: ['Strong winds push the flames towards the town as residents flee', 'Crews from across the region join the effort to contain the blaze'],
  },
  {
    key: 'flood',
    label: 'flooding',
    crowd: 'residents',
    nouns: ['river', 'flood barrier', 'heavy rain', 'rescue effort', 'storm surge', 'drainage system'],
    scale: [100, 50000],
    figures: [
      'At least {m} people were killed and {n} were displaced by the floods, {org} said.',
      'Rescue teams evacuated about {n} people from low-lying districts, according to {org}.',
      'Some {n} homes were left without power after the river burst its banks.',
    ],
    headlines: [
      'Floods Kill {m} as River Bursts Its Banks in {place}',
      '{place}’s Residents Evacuated as Heavy Rain Continues',
      'Rescue Teams Search for Missing After Floods in {place}',
      '{P} Promises Aid to Flood-Hit Towns',
    ],
    leads: [
      'Floodwaters swept through parts of {place} on {date} after days of heavy rain pushed the river over its banks. Rescue teams used boats to reach families trapped on upper floors.',
      'Emergency services in {place} evacuated entire neighbourhoods on {date} as the river rose to its highest level in decades. Several bridges were closed and trains were cancelled.',
    ],
    details: [
      'Sandbags were piled along the embankment in {place} as volunteers worked through the night.',
      'The river gauge in {place} rose by more than a metre in six hours, the highest reading on record.',
      'Landslides blocked several mountain roads, cutting off villages upstream of {place}.',
      'Insurers expect claims to run into hundreds of millions after the floods.',
      'Army trucks delivered drinking water to neighbourhoods where the mains were contaminated.',
      '{org} said the drainage system in {place} had not been upgraded in decades.',

      'Forecasters expect more rain over the coming days, raising fears of a second flood crest.',
      'The flood barriers built after the last major flood held in the city centre but failed upstream.',
      'Farmers in the valley said entire harvests had been lost under the water.',
    ],
    quotes: [
      'The water came up so fast that we only had time to take the children',
      'We are doing everything we can to reach people who are still cut off',
      'These defences were built for a flood that happens once a century, and we have had two in ten years',
      'Nobody should have to rebuild their home twice in one decade',
    ],
    captions: ['residents wade through a flooded street in {place} on {dow}', 'rescue workers use a boat to reach homes cut off by the water'],
    standfirsts: ['Rescue teams use boats to reach families trapped by rising water', 'River reaches its highest level in decades after days of heavy rain'],
  },
  {
    key: 'election',
    label: 'election',
    crowd: 'voters',
    nouns: ['ballot', 'coalition talks', 'turnout', 'campaign', 'polling station', 'recount'],
    scale: [10000, 2000000],
    figures: [
      'About {n} voters cast their ballots, a turnout {org} described as the highest in a decade.',
      'The opposition won {m} seats, according to preliminary results published by {org}.',
      'Officials said {n} postal votes were still being counted on {dow}.',
    ],
    headlines: [
      '{P} Claims Victory in {place} Election',
      'Voters in {place} Head to the Polls in Tight Race',
      '{place}’s Opposition Demands Recount After Narrow Defeat',
      'Coalition Talks Begin After Inconclusive Vote',
    ],
    leads: [
      'Voters in {place} went to the polls on {date} in an election that polls suggested was too close to call. Queues formed outside polling stations from early morning.',
      '{P} declared victory on {date} after preliminary results showed a narrow lead in {place}. The opposition said it would challenge the count in several districts.',
    ],
    details: [
      'Turnout in the suburbs of {place} was markedly higher than in the previous vote.',
      'Campaign rallies in the final week drew large crowds in {place} and {place2}.',
      'Counting continued through the night in several districts where the margin was narrow.',
      'The electoral commission said it had received complaints about missing names on voter rolls.',
      '{P} campaigned on a promise to cut energy bills and build more homes.',
      'Smaller parties are expected to play kingmaker in the coalition talks.',

      'The campaign was dominated by the cost of living, housing and public services.',
      'Observers from {org2} said the vote had been largely orderly, with isolated complaints.',
      'Coalition talks are expected to take weeks, and a caretaker government will stay in place until then.',
    ],
    quotes: [
      'Tonight the people have chosen change',
      'We will respect the result, but every vote must be counted properly',
      'This is a mandate to fix the basics: homes, hospitals and wages',
      'The numbers do not add up, and we will ask for a recount',
    ],
    captions: ['election officials count ballots at a polling station in {place}', 'supporters celebrate outside the party headquarters late on {dow}'],
    standfirsts: ['Preliminary results show a narrow lead as the opposition questions the count', 'Turnout is the highest in a decade as voters queue from early morning'],
  },
  {
    key: 'rail-dispute',
    label: 'rail strike',
    crowd: 'train drivers',
    nouns: ['timetable', 'rail network', 'fare increase', 'signal failure', 'pay deal', 'commuter line'],
    scale: [500, 40000],
    figures: [
      'Around {n} train drivers took part in the walkout, according to {org}.',
      'The operator cancelled {m} services on {dow}, leaving commuters stranded across the network.',
      'More than {n} passengers were affected, {org2} estimated.',
    ],
    headlines: [
      'Rail Strike Brings {place} to a Standstill',
      '{place}’s Train Drivers Vote for Further Walkouts',
      '{org} Offers New Pay Deal to Rail Workers',
      'Commuters Face Chaos as Rail Talks Collapse',
    ],
    leads: [
      'Train drivers in {place} walked out on {date}, cancelling most services across the network and leaving commuters to find other ways to work. It was the third strike this year in a long dispute over pay.',
      'Rail services around {place} were suspended on {date} after talks between the operator and the drivers’ union broke down. Stations were largely empty during the morning rush.',
    ],
    details: [
      'Only a skeleton service ran on the main commuter line into {place}.',
      'Freight trains carrying coal and grain were also halted by the walkout.',
      'The drivers want a pay rise that keeps pace with inflation and limits on weekend shifts.',
      'Signal workers in {place2} said they would join the action next month.',
      '{org} said the strike had cost the rail network millions in lost fares.',
      'Ticket offices in {place} were closed, and passengers were advised not to travel.',

      'Bus companies added extra services, but queues stretched around the block at major stops.',
      'The operator says the union’s demands would force it to raise fares sharply.',
      'A ballot on further action is due to close at the end of the month.',
    ],
    quotes: [
      'Nobody takes strike action lightly, but our members have had enough',
      'The offer on the table is fair and affordable',
      'Passengers are the ones paying the price for this dispute',
      'We are ready to talk tonight if the company is serious',
    ],
    captions: ['an empty platform at the central station in {place} during the strike', 'commuters queue for buses outside the station on {dow} morning'],
    standfirsts: ['Most services are cancelled as drivers walk out for the third time this year', 'Commuters scramble for buses as talks between the operator and the union collapse'],
  },
  {
    key: 'trade-talks',
    label: 'trade talks',
    crowd: 'exporters',
    nouns: ['tariff', 'trade agreement', 'export quota', 'customs check', 'negotiating round', 'steel duty'],
    scale: [50, 5000],
    figures: [
      'The proposed tariffs would cover goods worth about {n} million a year, according to {org}.',
      'Negotiators have met {m} times since the talks began, officials said.',
      'Exports fell by {m} percent in the last quarter, {org2} reported.',
    ],
    headlines: [
      'Trade Talks Resume in {place} as Tariff Deadline Nears',
      '{P} Says Trade Deal Is Within Reach',
      '{place}’s Exporters Brace for New Tariffs',
      'Negotiators Fail to Break Deadlock on Steel Duties',
    ],
    leads: [
      'Trade negotiators met again in {place} on {date}, days before new tariffs are due to take effect. Both sides said progress had been made but gaps remained on steel and farm goods.',
      '{P} said on {date} that a trade agreement was within reach, after a fresh round of talks in {place}. Exporters have warned that a failure would cost thousands of jobs.',
    ],
    details: [
      'Steel producers in {place} said the proposed duties would make their exports uncompetitive.',
      'The negotiators are trying to agree on quotas for farm goods, cars and machinery.',
      'Customs checks at the border have already slowed deliveries of spare parts.',
      '{org} said a deal would protect thousands of jobs in the export sector.',
      'Dairy farmers staged a protest outside the conference centre in {place}.',
      'A joint statement is expected at the end of the negotiating round.',

      'The previous round of talks in {place2} ended without a joint statement.',
      'Business groups have urged both governments to extend the deadline.',
      'Farmers fear that cheaper imports would undercut their prices.',
    ],
    quotes: [
      'We are closer than we have ever been, but we are not there yet',
      'A deal that hurts our farmers is not a deal we can sign',
      'Uncertainty is the worst thing for business',
      'The door to an agreement remains open',
    ],
    captions: ['negotiators arrive for talks at the conference centre in {place}', 'containers stacked at a cargo terminal waiting for customs clearance'],
    standfirsts: ['Both sides report progress but gaps remain on steel and farm goods', 'Exporters warn that a failure would cost thousands of jobs'],
  },
  {
    key: 'court-trial',
    label: 'trial',
    crowd: 'prosecutors',
    nouns: ['verdict', 'jury', 'testimony', 'appeal', 'indictment', 'courtroom'],
    scale: [2, 400],
    figures: [
      'Prosecutors called {m} witnesses over the course of the trial, according to court records.',
      'The defendants face up to {m} years in prison if convicted, {org} said.',
      'More than {n} pages of evidence were submitted to the court.',
    ],
    headlines: [
      'Verdict Expected in {place} Corruption Trial',
      '{P} Denies Charges as Trial Opens',
      'Jury Hears Closing Arguments in {place}’s Fraud Case',
      'Court Adjourns Trial After Key Witness Falls Ill',
    ],
    leads: [
      'The trial of a former official accused of taking bribes opened in {place} on {date}, with prosecutors promising to show a pattern of corruption lasting years. The defence said the case rested on the word of one witness.',
      'A jury in {place} began deliberating on {date} after a trial that lasted nearly two months. The case has drawn intense attention because of the officials involved.',
    ],
    details: [
      'The prosecution presented bank records showing payments routed through companies abroad.',
      'A former aide to the defendant testified for two days about meetings in {place}.',
      'The courtroom in {place} was packed, and dozens of people followed the hearing on screens outside.',
      'Defence lawyers asked the judge to exclude recordings they said were obtained illegally.',
      '{org} has called the case a test of the independence of the courts.',
      'The verdict is expected before the end of the month.',

      'The judge warned reporters not to publish the names of the protected witnesses.',
      'Defence lawyers have already said they will appeal any conviction.',
      'Several of the accused have been held in custody since their arrest.',
    ],
    quotes: [
      'My client has always maintained his innocence',
      'The evidence shows a clear pattern of abuse of office',
      'We trust the court to reach a fair verdict',
      'This case is about whether public money is safe',
    ],
    captions: ['the defendant arrives at the courthouse in {place} surrounded by reporters', 'members of the public queue outside the court before the hearing'],
    standfirsts: ['Prosecutors say the case shows years of corruption; the defence calls it one witness’s word', 'The jury begins deliberating after a trial of nearly two months'],
  },
  {
    key: 'mine-accident',
    label: 'mine collapse',
    crowd: 'miners',
    nouns: ['mine shaft', 'rescue operation', 'safety inspection', 'tunnel', 'gas leak', 'mining licence'],
    scale: [5, 300],
    figures: [
      'At least {m} miners were killed and {n} were trapped underground, according to {org}.',
      'Rescue teams brought {m} workers to the surface overnight, officials said.',
      'The mine employs about {n} workers, {org2} said.',
    ],
    headlines: [
      'Miners Trapped After Collapse Near {place}',
      'Rescue Teams Race to Reach Trapped Miners',
      '{P} Orders Safety Review After Mine Disaster',
      '{place}’s Mining Town Mourns Victims of Collapse',
    ],
    leads: [
      'A tunnel collapsed at a coal mine near {place} on {date}, trapping dozens of workers hundreds of metres underground. Rescue teams began drilling towards the miners within hours.',
      'Families gathered at the gates of a mine near {place} on {date} as rescuers tried to reach workers trapped by a collapse. The company said a gas leak had slowed the operation.',
    ],
    details: [
      'Rescuers pumped fresh air into the collapsed tunnel through a borehole.',
      'The shaft near {place} runs more than eight hundred metres below the surface.',
      'Inspectors had warned about the ventilation system in the mine earlier this year.',
      'Miners who escaped described a loud bang followed by a wave of dust.',
      '{org} said it would pay compensation to the families of the victims.',
      'Production at other pits in the region was suspended for safety checks.',

      'The mine had been fined twice in the past for safety breaches.',
      'Specialist rescue teams were flown in from {place2} to help.',
      'Mining is the main employer in the valley, and almost every family has a relative underground.',
    ],
    quotes: [
      'We will not stop until every miner is brought home',
      'We warned them about the ventilation months ago',
      'The whole town is waiting for news',
      'Safety must come before production, every single day',
    ],
    captions: ['relatives wait for news outside the mine gates near {place}', 'rescue workers prepare equipment at the entrance of the shaft'],
    standfirsts: ['Rescuers drill towards dozens of workers trapped hundreds of metres underground', 'Families wait at the gates as a gas leak slows the rescue'],
  },
  {
    key: 'drought',
    label: 'drought',
    crowd: 'farmers',
    nouns: ['reservoir', 'water rationing', 'harvest', 'irrigation ban', 'dry spell', 'groundwater'],
    scale: [1000, 500000],
    figures: [
      'Reservoirs around {place} stood at {m} percent of capacity, according to {org}.',
      'About {n} households face water rationing from next month, officials said.',
      'Farmers lost crops on some {n} hectares, {org2} estimated.',
    ],
    headlines: [
      'Drought Forces Water Rationing in {place}',
      '{place}’s Farmers Warn of Failed Harvest',
      '{P} Announces Emergency Aid for Drought-Hit Regions',
      'Reservoirs Fall to Record Low as Dry Spell Continues',
    ],
    leads: [
      'Authorities in {place} announced water rationing on {date} as reservoirs fell to their lowest level on record. Households will face cuts of several hours a day.',
      'Farmers around {place} said on {date} that the worst drought in decades had destroyed much of this year’s harvest. Many have begun selling livestock they can no longer feed.',
    ],
    details: [
      'The river that supplies {place} has shrunk to a trickle in several places.',
      'Wheat and maize yields in the region are expected to fall by half.',
      'Cattle farmers around {place} are paying record prices for hay.',
      'Wells in several villages near {place} have run dry, forcing families to buy water.',
      '{org} said rationing could be extended into the autumn if the dry weather continues.',
      'Hydroelectric plants cut their output as reservoir levels fell.',

      'It has barely rained in the region since the spring.',
      'Water trucks now serve villages whose wells have run dry.',
      'Scientists say dry spells like this one will become more frequent.',
    ],
    quotes: [
      'I have farmed this land for forty years and never seen it this dry',
      'Rationing is painful, but it is the only way to get through the summer',
      'We need a long-term plan, not emergency measures every year',
      'Without rain in the next month, we lose everything',
    ],
    captions: ['a farmer walks across a dried-up field near {place}', 'the exposed bed of the reservoir after months without rain'],
    standfirsts: ['Reservoirs fall to their lowest level on record as households face cuts', 'Farmers sell livestock they can no longer feed'],
  },
  {
    key: 'border-clash',
    label: 'border clashes',
    crowd: 'soldiers',
    nouns: ['ceasefire', 'border post', 'artillery fire', 'peace talks', 'military buildup', 'frontier'],
    scale: [50, 20000],
    figures: [
      'At least {m} soldiers were killed in the fighting, according to {org}.',
      'Both sides have deployed about {n} troops along the frontier, officials said.',
      'Some {n} civilians fled their homes near the border, {org2} said.',
    ],
    headlines: [
      'Clashes Erupt on Border Near {place}',
      '{P} Calls for Ceasefire After Deadly Fighting',
      '{place}’s Villagers Flee as Border Fighting Escalates',
      'Troops Deployed to Frontier as Tensions Rise',
    ],
    leads: [
      'Fighting broke out along the border near {place} on {date}, with both sides accusing the other of firing first. It was the most serious clash since a ceasefire was agreed.',
      'Artillery fire was heard near {place} on {date} as troops on both sides of the frontier exchanged fire for several hours. Villagers fled towards the nearest towns.',
    ],
    details: [
      'Military convoys were seen moving towards the frontier near {place}.',
      'Both sides accused the other of violating the ceasefire agreed two years ago.',
      'Schools in border villages near {place} were closed and families moved to shelters.',
      'The defence ministry said its positions had come under mortar fire overnight.',
      '{org} called for an independent investigation into the shelling.',
      'Diplomats in {place2} said talks on demarcating the border had stalled.',

      'Diplomats from {org2} have called on both sides to return to talks.',
      'The border has been disputed for decades, and earlier rounds of talks produced little.',
      'Satellite images appeared to show a military buildup on both sides of the frontier.',
    ],
    quotes: [
      'We will defend every metre of our territory',
      'A return to war would be a disaster for everyone in the region',
      'The shelling started at dawn and did not stop until night',
      'Both sides must step back from the brink',
    ],
    captions: ['soldiers stand guard at a checkpoint near {place}', 'villagers load belongings onto a truck as they leave the border area'],
    standfirsts: ['Both sides accuse each other of firing first in the worst clash since the ceasefire', 'Villagers flee towards the nearest towns as artillery fire continues'],
  },
  {
    key: 'outbreak',
    label: 'outbreak',
    crowd: 'health workers',
    nouns: ['vaccination campaign', 'hospital ward', 'infection rate', 'quarantine', 'testing centre', 'public health order'],
    scale: [100, 80000],
    figures: [
      'Health officials have recorded {n} cases and {m} deaths since the outbreak began, according to {org}.',
      'About {n} people were vaccinated in the first week of the campaign, officials said.',
      'Hospitals in {place} reported {m} new admissions on {dow}.',
    ],
    headlines: [
      'Outbreak Spreads in {place} as Hospitals Fill Up',
      '{P} Launches Vaccination Drive',
      '{place}’s Hospitals Under Strain as Cases Rise',
      'Health Officials Urge Caution as Infections Climb',
    ],
    leads: [
      'Health authorities in {place} reported a sharp rise in infections on {date}, as hospitals warned that they were running out of beds. A vaccination campaign began in the worst-hit districts.',
      'Officials in {place} ordered schools to close on {date} after an outbreak spread to several neighbourhoods. Testing centres were opened in community halls.',
    ],
    details: [
      'Intensive care units in {place} were operating at full capacity.',
      'Mobile vaccination teams visited markets and bus stations in the worst-hit districts.',
      'Contact tracers said most new cases were linked to a single hospital in {place}.',
      'Schools in {place2} introduced mask rules as a precaution.',
      '{org} said it had shipped extra doses of vaccine to the region.',
      'Doctors urged people with chronic illnesses to get vaccinated as soon as possible.',

      'Doctors say most patients have recovered at home, but older people are at higher risk.',
      'Teams from {org2} arrived to help trace contacts.',
      'Pharmacies reported long queues for tests and masks.',
    ],
    quotes: [
      'Our staff are working double shifts to keep up',
      'Vaccination remains the best protection we have',
      'We are not yet at the peak, and the next weeks will be hard',
      'People should stay home if they feel unwell',
    ],
    captions: ['health workers prepare vaccines at a clinic in {place}', 'people queue outside a testing centre on {dow}'],
    standfirsts: ['Hospitals warn they are running out of beds as a vaccination campaign begins', 'Schools close and testing centres open in the worst-hit districts'],
  },
  {
    key: 'layoffs',
    label: 'job cuts',
    crowd: 'employees',
    nouns: ['restructuring', 'share price', 'factory closure', 'redundancy package', 'quarterly results', 'cost-cutting plan'],
    scale: [100, 15000],
    figures: [
      'The company said it would cut about {n} jobs, roughly {m} percent of its workforce.',
      'Some {n} employees at the plant in {place} will be affected, according to {org}.',
      'Shares fell {m} percent after the announcement.',
    ],
    headlines: [
      '{org} to Cut Thousands of Jobs',
      '{place}’s Factory to Close With Loss of Hundreds of Jobs',
      '{P} Defends Job Cuts as Profits Fall',
      'Unions Vow to Fight Plant Closure in {place}',
    ],
    leads: [
      '{org} announced on {date} that it would cut thousands of jobs and close its plant in {place}, blaming weak demand and rising costs. Unions called the decision a betrayal.',
      'Workers at the factory in {place} learned on {date} that the plant would close by the end of next year. The company said production would move elsewhere.',
    ],
    details: [
      'The plant in {place} makes components for car manufacturers across the continent.',
      'Unions said they would ballot members on strike action over the closure.',
      'Suppliers around {place} fear they will lose most of their orders.',
      '{org} said the restructuring would save hundreds of millions a year.',
      'Workers were offered redundancy packages based on their years of service.',
      'The regional government said it would seek a buyer for the factory.',

      'The plant has been the largest private employer in {place} for decades.',
      'The company reported lower profits for the third quarter in a row.',
      'Local officials said they would look for a buyer to keep the site open.',
    ],
    quotes: [
      'These are difficult decisions, and we did not take them lightly',
      'This town was built around that factory',
      'Workers were told by email, after years of loyal service',
      'We will fight to keep every job we can',
    ],
    captions: ['workers leave the plant in {place} after the announcement', 'the company headquarters on {dow} as the cuts were announced'],
    standfirsts: ['The company blames weak demand and rising costs; unions call it a betrayal', 'Production will move elsewhere by the end of next year'],
  },
  {
    key: 'bank-collapse',
    label: 'bank collapse',
    crowd: 'depositors',
    nouns: ['bailout', 'deposit guarantee', 'regulator', 'bond market', 'emergency loan', 'liquidity crisis'],
    scale: [10, 900],
    figures: [
      'The bank held deposits of about {n} million, according to {org}.',
      'Regulators said {m} branches would stay closed until further notice.',
      'Its shares lost {m} percent of their value in two days of trading.',
    ],
    headlines: [
      'Regulators Seize Troubled Lender in {place}',
      'Depositors Queue for Cash as Bank Fails',
      '{P} Promises to Protect Savers After Bank Collapse',
      '{place}’s Banking Crisis Deepens as Shares Tumble',
    ],
    leads: [
      'Regulators took control of a struggling lender in {place} on {date}, after depositors withdrew large sums in a matter of days. The central bank promised emergency loans to stop the panic spreading.',
      'Long queues formed outside bank branches in {place} on {date} as savers rushed to withdraw their money. The government said all insured deposits were safe.',
    ],
    details: [
      'The lender had grown quickly by offering savers unusually high interest rates.',
      'Regulators in {place} said they had been monitoring the bank for months.',
      'Bond investors face heavy losses under the rescue plan.',
      'The deposit guarantee covers savings up to a fixed limit per customer.',
      '{org} said it was ready to provide emergency liquidity to other lenders.',
      'Cash machines at branches in {place} ran out of notes within hours.',

      'The lender had expanded rapidly by offering high interest rates on savings.',
      'Analysts said the wider banking system was well capitalised.',
      'A parliamentary inquiry into the failure is expected later this year.',
    ],
    quotes: [
      'Every insured deposit is safe, and no saver will lose a cent',
      'The warning signs were there for anyone who looked',
      'I just want to know if my savings are still there',
      'We acted quickly to protect the financial system',
    ],
    captions: ['customers queue outside a branch of the bank in {place}', 'traders watch screens as the shares fall on {dow}'],
    standfirsts: ['The central bank promises emergency loans to stop the panic spreading', 'Savers rush to withdraw their money as the government says deposits are safe'],
  },
  {
    key: 'earthquake',
    label: 'earthquake',
    crowd: 'rescuers',
    nouns: ['aftershock', 'rubble', 'search operation', 'field hospital', 'collapsed building', 'relief convoy'],
    scale: [20, 20000],
    figures: [
      'At least {m} people were killed and {n} injured, according to {org}.',
      'About {n} buildings collapsed or were badly damaged, officials said.',
      'Rescuers pulled {m} survivors from the rubble overnight, {org2} said.',
    ],
    headlines: [
      'Earthquake Kills {m} Near {place}',
      'Rescuers Search Rubble After Strong Quake',
      '{place}’s Survivors Sleep Outdoors as Aftershocks Continue',
      '{P} Visits Quake Zone as Aid Arrives',
    ],
    leads: [
      'A strong earthquake struck near {place} on {date}, toppling buildings and sending residents running into the streets. Rescuers worked through the night to reach people trapped under the rubble.',
      'Rescue teams in {place} searched collapsed buildings on {date}, a day after a powerful earthquake shook the region. Aftershocks continued to rattle the area.',
    ],
    details: [
      'Sniffer dogs and thermal cameras were used to search for survivors in {place}.',
      'Several hospitals in {place} were damaged and patients were treated in tents.',
      'The quake was felt as far away as {place2}, where buildings swayed for several seconds.',
      'Engineers began inspecting bridges and dams for structural damage.',
      '{org} sent search-and-rescue teams and heavy lifting equipment.',
      'Aftershocks of magnitude five and above continued through the night.',

      'Field hospitals were set up in football stadiums and school yards.',
      'Relief convoys from {place2} were held up by damaged roads.',
      'Many older buildings in the area were built before modern safety codes.',
    ],
    quotes: [
      'We heard voices under the concrete, and we kept digging',
      'The shaking went on for almost a minute',
      'We need tents, blankets and clean water more than anything',
      'Every hour counts for the people still trapped',
    ],
    captions: ['rescuers search through the rubble of a collapsed building in {place}', 'residents spend the night outdoors for fear of aftershocks'],
    standfirsts: ['Rescuers work through the night to reach people trapped under collapsed buildings', 'Aftershocks continue to rattle the region as aid begins to arrive'],
  },
  {
    key: 'protest',
    label: 'protests',
    crowd: 'demonstrators',
    nouns: ['rally', 'police cordon', 'tear gas', 'curfew', 'march', 'crackdown'],
    scale: [500, 200000],
    figures: [
      'Police said {m} people were arrested and dozens injured during the clashes.',
      'Organisers put the size of the crowd at about {n}, while {org} gave a lower figure.',
      'At least {m} officers were injured, according to {org}.',
    ],
    headlines: [
      'Thousands March Through {place} in Protest',
      'Police Use Tear Gas on Protesters in {place}',
      '{P} Calls for Calm After Night of Unrest',
      '{place}’s Protesters Vow to Return Every Week',
    ],
    leads: [
      'Thousands of people marched through the centre of {place} on {date}, demanding the government reverse a planned rise in fuel prices. The rally was largely peaceful until the evening.',
      'Police in {place} fired tear gas at demonstrators on {date} after a march on parliament turned violent. Several shops were damaged and a curfew was imposed.',
    ],
    details: [
      'Riot police blocked the main avenue leading to the parliament in {place}.',
      'The march was organised by student groups and trade unions.',
      'Shops in the centre of {place} closed early, and public transport was suspended.',
      'Protesters carried banners calling for lower fuel prices and higher wages.',
      '{org} said several journalists had been detained while covering the rally.',
      'Similar marches were held in {place2} and other cities across {country}.',

      'The protests began after the government announced cuts to fuel subsidies.',
      'Rights groups, including {org2}, criticised the police response.',
      'Organisers said they would march again next weekend.',
    ],
    quotes: [
      'We cannot afford to live, and nobody is listening',
      'Violence will not be tolerated on our streets',
      'This movement is peaceful, and it will stay peaceful',
      'The government must listen before it is too late',
    ],
    captions: ['demonstrators march through the centre of {place} on {dow}', 'police officers form a line near the parliament building'],
    standfirsts: ['Protesters demand that the government reverse a planned rise in fuel prices', 'A curfew is imposed after a march on parliament turns violent'],
  },
  {
    key: 'housing',
    label: 'housing crisis',
    crowd: 'tenants',
    nouns: ['rent cap', 'social housing', 'eviction', 'building permit', 'mortgage rate', 'housing plan'],
    scale: [200, 100000],
    figures: [
      'Rents in {place} rose by {m} percent last year, according to {org}.',
      'The plan promises {n} new homes by the end of the decade, officials said.',
      'About {n} people are on the waiting list for social housing, {org2} said.',
    ],
    headlines: [
      '{P} Unveils Plan to Build Homes in {place}',
      'Tenants Rally Against Soaring Rents in {place}',
      '{place}’s Rent Cap Faces Legal Challenge',
      'Evictions Rise as Housing Crisis Deepens',
    ],
    leads: [
      '{P} unveiled a plan on {date} to build tens of thousands of homes in and around {place}, as rents continued to climb. Critics said the plan came too late for families already priced out.',
      'Hundreds of tenants rallied outside the city hall in {place} on {date}, calling for a freeze on rents. Many said they spend more than half of their income on housing.',
    ],
    details: [
      'Average rents in {place} now take up more than forty percent of a typical salary.',
      'Developers say planning rules in {place} make it too slow to build new homes.',
      'Tenant groups want a freeze on rents and stronger protection against eviction.',
      'Empty offices in the centre of {place} could be converted into flats under the plan.',
      '{org} said the waiting list for social housing had doubled in five years.',
      'Young families are moving to towns around {place} in search of cheaper homes.',

      'Construction has slowed as higher interest rates made projects more expensive.',
      'Landlords argue that rent controls discourage new building.',
      'The waiting list for social housing has doubled in five years.',
    ],
    quotes: [
      'Half of my salary goes on rent before I buy any food',
      'We will build more homes in the next five years than in the last fifteen',
      'Rent controls have never built a single home',
      'Young people are being forced to leave the city they grew up in',
    ],
    captions: ['tenants hold banners outside the city hall in {place}', 'a construction site on the edge of the city on {dow}'],
    standfirsts: ['Critics say the plan comes too late for families already priced out', 'Tenants call for a freeze on rents as evictions rise'],
  },
];

/** Sentences any story can use (same slots as the domains). */
export const GENERIC_SENTENCES: readonly string[] = [
  'The {label} in {place} began {began}, when {crowd} first raised concerns about the {noun}.',
  '{org} said in a statement on {dow} that it was following the situation in {place} closely.',
  'Analysts said the {label} could weigh on the economy of {country} for months.',
  'The {noun} has been a source of tension between {place} and {place2} for years.',
  'In {year}, a similar dispute over the {noun} in {place} lasted nearly three weeks.',
  'Residents of {place} described {adj} scenes as the {label} entered its {ordinal} day.',
  '{org} did not respond to a request for comment.',
  'The government has promised an independent review of the {noun} in {place}.',
  'Local media reported that crowds had gathered outside the offices of {org2} in {place} on {dow}.',
  'Critics accused {org} of ignoring warnings about the {noun} for years.',
  '{P} is scheduled to meet {Q} in {place2} next week.',
  'Earlier this year, {org} warned that pressure over the {noun} in {place} was growing.',
  'The opposition called the response of {org} {adj} and demanded a debate in parliament.',
  'Neither {org} nor {org2} has said how long the {label} could last.',
  '{Q} said the authorities in {place} had been slow to act, a charge {org} rejects.',
  'Similar scenes were reported in {place2}, where the {noun} has also been in the news.',
  'Aid groups, including {org2}, said they were sending supplies to {place}.',
  'The figures given by {org} could not be independently verified.',
  'Television footage showed {adj} crowds near the {noun} in {place} late into the night.',
  '{R} said the {label} exposed long-standing weaknesses in the {noun}.',
  'Markets in {country} reacted calmly to the news from {place} on {dow}.',
  'The {noun} in {place} was first proposed in {year} but was delayed several times.',
  'Officials in {place} have scheduled another meeting with {org2} for next month.',
  '{P} said on {dow} that more details about the {noun} would follow in the coming days.',
  'The union in {place} said it would support any worker who refused to cross the picket line.',
  'Since {origin}, the {label} in {place} has become a central issue in the politics of {country}.',
  'Many {crowd} in {place} said they had learned of the decision from the news.',
  'The authorities in {place2} said they had not been consulted about the {noun} in advance.',
  'Experts at {org2} warned that the {adj} situation in {place} could worsen before it improves.',
  '{Q} called on {org} to publish its own assessment of the {noun}.',
  'Officials in {place} have faced growing pressure over the {noun} since {year}.',
];

/** The second paragraph names the year before the story's, which the ingest needs to date a weekday. */
export const LAST_YEAR_SENTENCES: readonly string[] = [
  'Officials in {place} have faced growing pressure over the {noun} since {lastYear}.',
  'The {noun} in {place} was first debated in {lastYear}, when {org} opposed it.',
  'In {lastYear}, {org} said the {noun} in {place} needed urgent attention.',
];

/** Internal subheadings: short, title case, no stop. */
export const HEADINGS: readonly string[] = ['What Happens Next', 'A Long Dispute', 'Reaction From {place}', 'Years of Warnings', 'The Wider Picture', 'Questions for the Government'];

export const ADJECTIVES: readonly string[] = [
  'chaotic', 'tense', 'emotional', 'sombre', 'angry', 'confused', 'remarkable', 'unprecedented', 'difficult', 'uncertain',
  'grim', 'hopeful', 'bitter', 'fragile', 'volatile', 'calm', 'crowded', 'desperate', 'dramatic', 'quiet',
  'inadequate', 'chilling', 'extraordinary', 'familiar', 'worrying',
];

export const ORDINALS: readonly string[] = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export const FIRST_NAMES: readonly string[] = [
  'Hana', 'Tomas', 'Amara', 'Luca', 'Priya', 'Mateo', 'Ingrid', 'Kofi', 'Sofia', 'Daniel', 'Yuki', 'Omar', 'Elena', 'Marcus', 'Leila',
  'Javier', 'Anika', 'Samuel', 'Mei', 'Andrei', 'Fatima', 'Jonas', 'Chloe', 'Rafael', 'Nadia', 'Viktor', 'Grace', 'Ibrahim', 'Clara', 'Henrik',
  'Aisha', 'Pedro', 'Katarina', 'Noah', 'Lucia', 'Emeka', 'Sara', 'Dmitri', 'Julia', 'Tariq', 'Marta', 'Felix', 'Zainab', 'Oskar', 'Rosa',
  'Kenji', 'Ana', 'Patrick', 'Imani', 'Stefan', 'Beatriz', 'Arjun', 'Helena', 'Victor', 'Nora', 'Malik', 'Irene', 'Paolo', 'Ruth', 'Diego',
];

export const SURNAMES: readonly string[] = [
  'Kowalski', 'Reyes', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Novak', 'Mensah', 'Ferreira', 'Sato', 'Petrov', 'Ndlovu', 'Rossi', 'Varga',
  'Nakamura', 'Castillo', 'Bergman', 'Adeyemi', 'Kaplan', 'Horvat', 'Duarte', 'Whitfield', 'Oyelaran', 'Santos', 'Fischer', 'Abara', 'Jansen', 'Kuznetsova', 'Delgado',
  'Mwangi', 'Olsen', 'Ibarra', 'Sokolov', 'Achterberg', 'Ventura', 'Hussain', 'Larsen', 'Mazur', 'Quintero', 'Eriksen', 'Balogun', 'Lambert', 'Takahashi', 'Costa',
  'Brennan', 'Szabo', 'Mendoza', 'Osei', 'Vidal', 'Halvorsen', 'Grant', 'Kiplagat', 'Moretti', 'Zielinski', 'Aguilar', 'Lund', 'Bakker', 'Nwosu', 'Salazar',
  'Dumont', 'Ivanova', 'Hartmann', 'Pereira', 'Ochieng', 'Keller', 'Navarro', 'Stein', 'Ward', 'Cardoso',
];

/** Titles written before a name; the knowledge layer reads them as marks of a person. */
export const TITLES_BEFORE: readonly string[] = [
  'Interior Minister', 'Transport Minister', 'Finance Minister', 'Health Minister', 'Labour Minister', 'Prime Minister', 'President', 'Mayor',
  'Governor', 'General', 'Judge', 'Senator', 'opposition leader', 'union leader', 'spokesperson',
];

/** Roles written after a name as an appositive: "Anika Lund, an analyst at …,". */
export const APPOSITIVE_ROLES: readonly string[] = ['an analyst at', 'a researcher at', 'a spokesperson for', 'a senior official at', 'the director of'];

/** Cities, each with its country. Real names: they are what the NLP knows, as in real news. */
export const CITIES: readonly (readonly [string, string])[] = [
  ['Rotterdam', 'the Netherlands'], ['Antwerp', 'Belgium'], ['Hamburg', 'Germany'], ['Gdansk', 'Poland'], ['Lisbon', 'Portugal'], ['Porto', 'Portugal'],
  ['Valencia', 'Spain'], ['Seville', 'Spain'], ['Marseille', 'France'], ['Lyon', 'France'], ['Genoa', 'Italy'], ['Naples', 'Italy'],
  ['Thessaloniki', 'Greece'], ['Izmir', 'Turkey'], ['Constanta', 'Romania'], ['Varna', 'Bulgaria'], ['Split', 'Croatia'], ['Gothenburg', 'Sweden'],
  ['Bergen', 'Norway'], ['Aarhus', 'Denmark'], ['Tampere', 'Finland'], ['Riga', 'Latvia'], ['Tallinn', 'Estonia'], ['Vilnius', 'Lithuania'],
  ['Mombasa', 'Kenya'], ['Nairobi', 'Kenya'], ['Durban', 'South Africa'], ['Lagos', 'Nigeria'], ['Accra', 'Ghana'], ['Dakar', 'Senegal'],
  ['Casablanca', 'Morocco'], ['Alexandria', 'Egypt'], ['Karachi', 'Pakistan'], ['Chennai', 'India'], ['Kolkata', 'India'], ['Dhaka', 'Bangladesh'],
  ['Colombo', 'Sri Lanka'], ['Cebu', 'the Philippines'], ['Surabaya', 'Indonesia'], ['Da Nang', 'Vietnam'], ['Busan', 'South Korea'], ['Osaka', 'Japan'],
  ['Valparaiso', 'Chile'], ['Santos', 'Brazil'], ['Recife', 'Brazil'], ['Cartagena', 'Colombia'], ['Guayaquil', 'Ecuador'], ['Rosario', 'Argentina'],
  ['Veracruz', 'Mexico'], ['Monterrey', 'Mexico'], ['Halifax', 'Canada'], ['Winnipeg', 'Canada'], ['Oakland', 'the United States'], ['Baltimore', 'the United States'],
  ['Tacoma', 'the United States'], ['Savannah', 'the United States'], ['Perth', 'Australia'], ['Brisbane', 'Australia'], ['Auckland', 'New Zealand'], ['Darwin', 'Australia'],
];

/** Word stems for company names: "Meridian Energy Group". */
export const COMPANY_WORDS: readonly string[] = [
  'Atlas', 'Meridian', 'Northwind', 'Bluewater', 'Crestline', 'Harbor', 'Summit', 'Evergreen', 'Ironbridge', 'Silverline', 'Redstone', 'Coastal',
  'Pinnacle', 'Beacon', 'Granite', 'Horizon', 'Keystone', 'Lakeshore', 'Oakridge', 'Sterling',
];
export const COMPANY_KINDS: readonly string[] = ['Energy Group', 'Shipping Company', 'Bank', 'Mining Corporation', 'Logistics Group', 'Steel Company', 'Holdings Group', 'Insurance Company'];

/** Public bodies written "<Field> Ministry". */
export const MINISTRY_FIELDS: readonly string[] = ['Transport', 'Health', 'Defence', 'Finance', 'Interior', 'Agriculture', 'Energy', 'Labour', 'Justice', 'Environment', 'Trade', 'Housing'];

/** Unions, with the acronym some texts use after first mention. */
export const UNION_TRADES: readonly string[] = ['Dockworkers', 'Rail Workers', 'Teachers', 'Nurses', 'Miners', 'Farmers', 'Drivers', 'Firefighters', 'Steelworkers', 'Tenants'];

/** Well-known international bodies. */
export const INTERNATIONAL_BODIES: readonly (readonly [string, string | undefined])[] = [
  ['World Health Organization', 'WHO'], ['International Monetary Fund', 'IMF'], ['European Commission', undefined], ['United Nations', 'UN'],
  ['International Red Cross', undefined], ['Amnesty International', undefined], ['Human Rights Watch', undefined], ['World Bank', undefined],
  ['International Labour Organization', 'ILO'], ['World Food Programme', 'WFP'],
];

/** News agencies the ingest knows (a subset of src/lib/ingest/agencies.ts), for wire copies and credits. */
export const AGENCIES: readonly string[] = ['Reuters', 'AFP', 'Associated Press', 'Bloomberg', 'Anadolu', 'dpa'];

/** Publishers: named outlets and bare domains, as real scrapes show both. */
export const PUBLISHER_NAMES: readonly string[] = [
  'The Harbour Tribune', 'Meridian Daily', 'The Northgate Post', 'The Evening Ledger', 'Coastline News', 'The Civic Observer', 'Daily Sentinel',
  'Metro Dispatch', 'The Riverside Gazette', 'Capital Wire', 'The Morning Courier', 'Atlas Times', 'The Continental Review', 'World Desk Today',
  'The Granite Herald', 'Frontier Press', 'The Lakeside Chronicle', 'Pacific Record', 'The Baltic Monitor', 'Southern Star', 'The Open Journal',
  'Independent Voice', 'The Weekly Compass', 'Global Brief', 'The Daily Register', 'City Beat News',
  'kpxl.news', 'rtvnews.com', 'sisuma.com', 'newsnow24.com', 'dailyfeed.info', 'worldwire.net', 'theupdate.co', 'bulletin365.com',
  'headlinehub.org', 'pressroom.media', 'livefeed.news', 'globalpulse.info',
];

/** Navigation menu rows. */
export const MENU_ROWS: readonly string[] = [
  'Home | World | Business | Sport | Culture | Opinion',
  'News • Politics • Economy • Science • Travel',
  'Latest | Local | National | International | Video',
];

/**
 * Writes a deterministic corpus of realistic-looking news articles in Broadsheet's plain-text format:
 *
 *     Headline of about ten words without a closing period
 *
 *     First paragraph. Several sentences.
 *
 *     Second paragraph…
 *     ---
 *     Next headline…
 *
 * Articles are separated by `---` lines, so blank lines inside an article are paragraph breaks.
 * The same seed and article count always give the same bytes.
 *
 * Usage: node bench/generate-corpus.js ARTICLE_COUNT [OUTPUT_FILE]
 * (without OUTPUT_FILE, writes to the benchmark cache and prints the path).
 */
import {closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** Bump when the generated text changes, so cached corpora are regenerated. */
const generatorVersion = 1;
const defaultSeed = 20_250_101;

const commonWords = `
the of to and in a for on that is was with as by at from has have said will would it its be are were been
not but after over more than new this their they who which about into up out government minister president
officials police court city state country year years week month day people percent million billion market
company companies bank prices price economy economic growth trade talks deal plan plans report reports
election vote voters party parties leader leaders opposition support agreement law laws policy public
national international local region regional security military army forces troops war peace border attack
attacks health hospital patients doctors schools students teachers university water power energy oil gas
climate weather storm flooding rain heat fire fires emergency rescue workers union strike wages jobs
unemployment inflation interest rates investors shares stocks exchange index profit losses revenue sales
quarter exports imports tariffs budget tax taxes spending debt loan loans funding project projects
construction housing homes rent families children women men residents community village town district
province capital island coast river airport flights airline travel tourism visitors hotel festival
museum culture film music art artists team match season coach players fans game games victory defeat
title championship cup record medal race drivers road roads traffic railway train bus safety accident
crash investigation evidence trial judge lawyers charges arrest suspect prison sentence fraud corruption
scandal resignation protest protesters rally crowd march demonstration statement spokesman spokeswoman
ministry department agency committee council parliament lawmakers senate congress assembly cabinet
reform reforms proposal bill decision ruling review inquiry survey study research scientists data
technology software internet phones users online digital network service services system systems
industry factory factories production output supply demand shortage farmers crops harvest food rice wheat
fish fishing ports shipping ships navy vessel vessels coastguard aircraft jets missile missiles nuclear
weapons defense alliance relations ties cooperation summit meeting visit delegation envoy ambassador
embassy foreign domestic central northern southern eastern western early late last next first second
third major key senior former current top big small large high low rising falling strong weak
record-high record-low further several many most some all both each other another such only also still
yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday morning evening night
announced expected warned agreed rejected approved called urged asked told added noted denied confirmed
reported launched opened closed signed won lost held met visited raised cut increased reduced rose fell
remained returned began ended continued started planned proposed described insisted promised pledged
`;

const people = `
Lin Chen Wang Huang Lee Chang Liu Yang Tsai Hsu Lai Kuo Wu Ko Hou Su Abe Kishida Tanaka Suzuki Sato
Kim Park Choi Moon Yoon Smith Johnson Brown Taylor Miller Davis Garcia Martinez Rodriguez Lopez Wilson
Anderson Thomas Moore Jackson Martin Thompson White Harris Clark Lewis Walker Hall Allen Young King Wright
Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker
Muller Schmidt Schneider Fischer Weber Dubois Moreau Laurent Rossi Russo Ferrari Novak Kowalski Ivanov
Petrov Sokolov Nguyen Tran Pham Singh Kumar Sharma Patel Khan Ahmed Hassan Ali Mensah Okafor Mbeki
`;

const places = `
Taipei Kaohsiung Taichung Tainan Hsinchu Keelung Tokyo Osaka Seoul Busan Beijing Shanghai Hong Kong Manila
Jakarta Bangkok Hanoi Singapore Sydney Melbourne Auckland Delhi Mumbai Karachi Dubai Cairo Nairobi Lagos
Johannesburg London Paris Berlin Madrid Rome Warsaw Kyiv Moscow Brussels Geneva Vienna Stockholm Oslo
Washington Ottawa Toronto Chicago Houston Miami Mexico Brasilia Lima Santiago Tirana Montevideo Taiwan
Japan Korea China Philippines Vietnam Indonesia Thailand Australia India Pakistan Egypt Kenya Nigeria
Europe France Germany Italy Spain Poland Ukraine Russia Britain Canada America Brazil Argentina Uruguay
`;

const organisations = `
EU UN NATO WHO IMF OPEC ASEAN Reuters Nasdaq Taiex Legislative Yuan Executive Yuan Central Bank
Ministry of Economic Affairs Ministry of Foreign Affairs Red Cross World Bank Supreme Court
`;

const wordsOf = text => text.trim().split(/\s+/u);

/** Every word the generator uses, so that `--corpus` queries and fzf references can pick words that occur. */
export const vocabulary = {
	commonWords: wordsOf(commonWords),
	people: wordsOf(people),
	places: wordsOf(places),
	organisations: wordsOf(organisations),
};

/** Mulberry32: a small, fast, seeded pseudo-random generator returning numbers in [0, 1). */
function createRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let mixed = state;
		mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A text generator bound to one random sequence. */
function createWriter(random) {
	const integerBetween = (lowest, highest) => lowest + Math.floor(random() * (highest - lowest + 1));
	// Squaring skews picks toward the start of the list, as word frequencies are skewed in real text.
	const commonWord = () => vocabulary.commonWords[Math.floor(random() * random() * vocabulary.commonWords.length)];
	const pick = words => words[Math.floor(random() * words.length)];
	const capitalised = word => word.charAt(0).toUpperCase() + word.slice(1);

	const properNoun = () => {
		const choice = random();
		if (choice < 0.4) {
			return pick(vocabulary.people);
		}

		return choice < 0.85 ? pick(vocabulary.places) : pick(vocabulary.organisations);
	};

	const phrase = wordCount => {
		const words = [];
		for (let index = 0; index < wordCount; index++) {
			words.push(random() < 0.12 ? properNoun() : commonWord());
		}

		return words;
	};

	const headline = () => {
		const words = phrase(integerBetween(8, 12));
		words[0] = capitalised(words[0]);
		words[integerBetween(1, words.length - 1)] = properNoun();
		return words.join(' ');
	};

	const sentence = () => {
		const words = phrase(integerBetween(10, 24));
		words[0] = capitalised(words[0]);
		if (words.length > 12 && random() < 0.5) {
			words[integerBetween(4, words.length - 4)] += ',';
		}

		if (random() < 0.25) {
			words.push('said', pick(vocabulary.people));
		}

		return words.join(' ') + '.';
	};

	const body = () => {
		const paragraphCount = integerBetween(3, 5);
		const wordTarget = integerBetween(270, 330);
		const paragraphs = [];
		for (let paragraphIndex = 0; paragraphIndex < paragraphCount; paragraphIndex++) {
			// Stopping half a sentence short of the target keeps the average article at the target.
			const paragraphWordTarget = wordTarget / paragraphCount - 8;
			const sentences = [];
			let wordCount = 0;
			while (wordCount < paragraphWordTarget) {
				const text = sentence();
				sentences.push(text);
				wordCount += text.split(' ').length;
			}

			paragraphs.push(sentences.join(' '));
		}

		return paragraphs;
	};

	return {headline, body};
}

/**
 * Writes `articleCount` generated articles to `filePath` (through a temporary file, so a cancelled run never
 * leaves a truncated corpus behind).
 */
export function generateCorpus(filePath, articleCount, seed = defaultSeed) {
	const writer = createWriter(createRandom(seed));
	const temporaryPath = `${filePath}.${process.pid}.partial`;
	const descriptor = openSync(temporaryPath, 'w');
	const articlesPerWrite = 500;
	try {
		let pending = [];
		for (let articleIndex = 0; articleIndex < articleCount; articleIndex++) {
			const separator = articleIndex === 0 ? '' : '---\n';
			pending.push(separator + writer.headline() + '\n\n' + writer.body().join('\n\n') + '\n');
			if (pending.length === articlesPerWrite) {
				writeSync(descriptor, pending.join(''));
				pending = [];
			}
		}

		writeSync(descriptor, pending.join(''));
	} finally {
		closeSync(descriptor);
	}

	renameSync(temporaryPath, filePath);
}

/** The directory where benchmark corpora are cached between runs. */
export function benchmarkCacheDirectory() {
	const directory = join(tmpdir(), 'broadsheet-bench');
	mkdirSync(directory, {recursive: true});
	return directory;
}

/** The path of the cached generated corpus of `articleCount` articles, generating it first if it is missing. */
export function ensureGeneratedCorpus(articleCount) {
	const filePath = join(benchmarkCacheDirectory(), `generated-${articleCount}-v${generatorVersion}.txt`);
	if (!existsSync(filePath)) {
		generateCorpus(filePath, articleCount);
	}

	return filePath;
}

const isMainModule = process.argv[1] === fileURLToPath(import.meta.url);
if (isMainModule) {
	const articleCount = Number(process.argv[2]);
	if (!Number.isInteger(articleCount) || articleCount <= 0) {
		process.stderr.write('usage: node bench/generate-corpus.js ARTICLE_COUNT [OUTPUT_FILE]\n');
		process.exit(2);
	}

	const outputPath = process.argv[3];
	if (outputPath) {
		generateCorpus(outputPath, articleCount);
		process.stdout.write(outputPath + '\n');
	} else {
		process.stdout.write(ensureGeneratedCorpus(articleCount) + '\n');
	}
}

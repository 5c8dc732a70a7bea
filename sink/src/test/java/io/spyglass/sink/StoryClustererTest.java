package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.Article;
import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Evidence;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final String JAPAN = "Hackers working for the People's Liberation Army got into Japan's classified defence "
            + "networks and stayed for months, according to three former officials who were briefed on the breach. "
            + "The intrusion was discovered by the National Security Agency, which warned Tokyo.";
    private static final String BALTIC = "A phishing campaign read the mailboxes of foreign ministry staff in Vilnius and Riga "
            + "for most of the year before a contractor noticed odd logins from a hosting provider.";

    private static Tags tags(List<Country> attributed, List<Country> victims, List<Actor> actors, String... sectors) {
        return new Tags(true, 0.8, attributed, victims, actors, List.of(sectors), List.of(), List.of(), List.of(),
                List.of(new Evidence("espionage", "true", "hackers", 0, "r1")), "test/1");
    }

    private static EnrichedArticle article(String id, String feedName, String title, String text, Instant published, Tags tags) {
        return new EnrichedArticle(new Article(1, id, "https://" + id + ".example/story", title, published,
                new FeedRef("https://" + id + ".example/feed", feedName), text, ExtractionOutcome.FULL, "en", List.of(),
                T0.plus(Duration.ofDays(1))), tags);
    }

    private static EnrichedArticle revision(EnrichedArticle e, int revision) {
        return new EnrichedArticle(e.article().withRevision(revision), e.tags());
    }

    private static final Tags CN_JP = tags(List.of(new Country("CN", "China")), List.of(new Country("JP", "Japan")), List.of(), "defense");

    /** What the sink does with an article: the new or next version of its story, or nothing. */
    private static Optional<OpenStory> assign(List<OpenStory> open, EnrichedArticle a, Instant now) {
        return place(open, a, now).open().stream().findFirst();
    }

    private static StoryClusterer.Placement place(List<OpenStory> open, EnrichedArticle a, Instant now) {
        StoryIndex index = new StoryIndex();
        open.forEach(s -> index.put(s.story().storyId(), s.fingerprints(), s.updated()));
        StoryClusterer.Decision d = StoryClusterer.decide(index, a);
        return StoryClusterer.place(d, a, now,
                id -> open.stream().filter(s -> s.story().storyId().equals(id)).findFirst().orElse(null), id -> 0);
    }

    private static OpenStory first(EnrichedArticle a) {
        return assign(List.of(), a, T0).orElseThrow();
    }

    @Test
    void windowArithmeticAgreesWithInstantsAroundTheBoundary() {
        Random random = new Random(3);
        Instant base = Instant.parse("2026-03-01T12:00:00Z");
        long window = StoryClusterer.WINDOW.toNanos();
        int apart = 0;
        for (int i = 0; i < 20_000; i++) {
            Instant a = base.plusNanos(random.nextLong(1_000_000_000L));
            // within two seconds of the window's edge, either way round, down to the nanosecond
            Instant b = a.plusNanos((random.nextBoolean() ? 1 : -1) * (window + random.nextLong(-2_000_000_000L, 2_000_000_000L)));
            boolean expected = a.isAfter(b.plus(StoryClusterer.WINDOW)) || b.isAfter(a.plus(StoryClusterer.WINDOW));
            assertThat(Similarity.apartMoreThanWindow(a, b)).as("%s %s", a, b).isEqualTo(expected);
            apart += expected ? 1 : 0;
        }
        assertThat(Similarity.apartMoreThanWindow(base, base.plus(StoryClusterer.WINDOW))).isFalse();
        assertThat(Similarity.apartMoreThanWindow(base.plus(StoryClusterer.WINDOW).plusNanos(1), base)).isTrue();
        assertThat(apart).isBetween(8_000, 12_000);
    }

    @Test
    void simHashIsTheOneOfTheWordsShinglesOnAnyText() {
        Random random = new Random(5);
        String alphabet = "aZ9 ,.'\u2019s-\u00e9\u00df\u0416\u4e2d\u0661\u00b2\u2162\n\ud83d\ude00\ud835\udc00\ud800";
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(200); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<String> words = Words.words(text.toString());
            int[] ones = new int[64];
            for (int w = 0; w + 3 <= words.size(); w++) {
                long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits
                for (byte b : (words.get(w) + " " + words.get(w + 1) + " " + words.get(w + 2)).getBytes(StandardCharsets.UTF_8)) {
                    h = (h ^ (b & 0xff)) * 0x100000001b3L;
                }
                for (int bit = 0; bit < 64; bit++) {
                    ones[bit] += (int) ((h >>> bit) & 1);
                }
            }
            long expected = 0;
            for (int bit = 0; bit < 64; bit++) {
                expected |= 2 * ones[bit] > words.size() - 2 ? 1L << bit : 0;
            }

            Fingerprint f = Fingerprints.of(article("p" + n, "Pin", "Title", text.toString(), T0, CN_JP));

            assertThat(f.shingles()).isEqualTo(Math.max(0, words.size() - 2));
            assertThat(f.simhash()).as("SimHash of %s", text).isEqualTo(words.size() < 3 ? 0 : expected);
        }
    }

    @Test
    void splitsWordsAsTheRegexOfLettersAndNumbersWouldWithCjkRunsAsBigrams() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        Random random = new Random(3);
        String alphabet = "aZ9 ,.'\u2019s-\u00e9\u00df\u0416\u4e2d\u56fd\u30cf\ud55c\u0661\u00b2\u00bd\u2162\u02b0\u2014\n\ud83d\ude00\ud835\udc00";
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String prepared = text.toString().toLowerCase(Locale.ROOT).replace("'s", "").replace("\u2019s", "");
            List<String> expected = new ArrayList<>();
            word.matcher(prepared).results().map(MatchResult::group).forEach(w -> expected.addAll(tokens(w)));

            assertThat(Words.words(text.toString())).as("words of %s", text).isEqualTo(expected);
        }
    }

    @Test
    void simHashIsTheDocumentedFnvOfWordShinglesSoStoredFingerprintsStayComparable() {
        // the expected value is computed outside Java: 64-bit FNV-1a of each "w1 w2 w3" (lower case, "'s" dropped)
        EnrichedArticle a = article("pin", "Pin", "Title", "Chinese military hackers broke into Japan's classified defence "
                + "networks and stayed there for years, officials said on Tuesday.", T0, CN_JP);

        Fingerprint f = Fingerprints.of(a);

        assertThat(f.simhash()).isEqualTo(-8065313579520763112L);
        assertThat(f.shingles()).isEqualTo(16);
    }

    @Test
    void openStorySerdeWritesWhatJsonSerdeWritesAndReadsItBack() throws Exception {
        OpenStory one = first(article("a", "Harbour Ledger", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));
        OpenStory two = assign(List.of(one), article("b", "Coast Courier", "Japan's defence networks breached by PLA unit",
                JAPAN, T0.plusSeconds(3600), CN_JP), T0.plusSeconds(7200)).orElseThrow();
        OpenStorySerde serde = new OpenStorySerde();
        for (OpenStory s : List.of(one, two)) {
            byte[] bytes = serde.serializer().serialize("t", s);
            assertThat(bytes).isEqualTo(io.spyglass.model.Json.MAPPER.writeValueAsBytes(s));
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(s);
            assertThat(serde.storyJson(s.story())).isEqualTo(io.spyglass.model.Json.MAPPER.writeValueAsBytes(s.story()));
        }
    }

    @Test
    void startsANewStoryWithVersionOneFromTheFirstArticle() {
        OpenStory s = first(article("a", "Harbour Ledger", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));

        Story story = s.story();
        assertThat(story.storyId()).isEqualTo(StoryRecords.storyId("a")).hasSize(64).isNotEqualTo("a");
        assertThat(story.version()).isEqualTo(1);
        assertThat(story.title()).isEqualTo("PLA hackers inside Japan's defence networks");
        assertThat(story.url()).isEqualTo("https://a.example/story");
        assertThat(story.firstSeen()).isEqualTo(T0);
        assertThat(story.lastSeen()).isEqualTo(T0);
        assertThat(story.sources()).extracting(StorySource::articleId, StorySource::outlet, StorySource::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "Harbour Ledger", JAPAN));
        assertThat(story.tags().evidence()).isEmpty();
        assertThat(story.sources().get(0).evidence()).extracting(Evidence::text).containsExactly("hackers");
    }

    @Test
    void addsANearDuplicateTextFromAnotherOutletUnderAnotherTitle() {
        OpenStory s = first(article("a", "Harbour Ledger", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));
        EnrichedArticle copy = article("b", null, "Tokyo was warned by the NSA", JAPAN.replace("three", "two"),
                T0.plus(Duration.ofHours(5)), tags(List.of(new Country("CN", "China")), List.of(new Country("JP", "Japan"),
                        new Country("US", "United States")), List.of(new Actor("APT40", "CN")), "defense", "government"));

        Story story = assign(List.of(s), copy, T0).orElseThrow().story();

        assertThat(story.storyId()).isEqualTo(s.story().storyId());
        assertThat(story.version()).isEqualTo(2);
        assertThat(story.title()).isEqualTo("PLA hackers inside Japan's defence networks");
        assertThat(story.sources()).extracting(StorySource::articleId, StorySource::outlet)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "Harbour Ledger"),
                        org.assertj.core.groups.Tuple.tuple("b", "b.example"));
        assertThat(story.firstSeen()).isEqualTo(T0);
        assertThat(story.lastSeen()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(story.tags().victims()).extracting(Country::code).containsExactly("JP", "US");
        assertThat(story.tags().actors()).extracting(Actor::name).containsExactly("APT40");
        assertThat(story.tags().sectors()).containsExactly("defense", "government");
    }

    @Test
    void addsAReportInKatakanaThatNamesWhatTheEnglishOneNames() {
        Tags none = tags(List.of(), List.of(), List.of());
        OpenStory s = first(article("a", "X", "Gateway flaws exploited before patches, Mandiant says",
                "Mandiant said intruders used flaws in Ivanti and Fortinet gateways to reach the mail of Microsoft customers.",
                T0, none));
        EnrichedArticle japanese = new EnrichedArticle(new Article(1, "b", "https://b.example/story",
                "マンディアントが報告", T0.plus(Duration.ofHours(5)), new FeedRef("https://b.example/feed", "Y"),
                "イバンティとフォーティネットの製品の脆弱性が悪用され、マイクロソフトの利用者のメールが読まれた。",
                ExtractionOutcome.FULL, "ja", List.of(), T0.plus(Duration.ofDays(1))), none);
        EnrichedArticle unrelated = new EnrichedArticle(new Article(1, "c", "https://c.example/story", "宇宙機関に不正アクセス",
                T0.plus(Duration.ofHours(5)), new FeedRef("https://c.example/feed", "Z"), "宇宙機関のサーバーに不正アクセスがあった。",
                ExtractionOutcome.FULL, "ja", List.of(), T0.plus(Duration.ofDays(1))), none);

        assertThat(assign(List.of(s), japanese, T0).orElseThrow().story().storyId()).isEqualTo(s.story().storyId());
        assertThat(assign(List.of(s), unrelated, T0).orElseThrow().story().storyId()).isNotEqualTo(s.story().storyId());
    }

    @Test
    void readsAFingerprintStoredBeforeSoundsWereKept() throws Exception {
        Fingerprint f = first(article("a", "X", "Title", JAPAN, T0, CN_JP)).fingerprints().get(0);
        String json = io.spyglass.model.Json.MAPPER.writeValueAsString(f).replaceFirst(",\"sounds\":\\[[^]]*]", "");

        Fingerprint read = io.spyglass.model.Json.MAPPER.readValue(json, Fingerprint.class);

        assertThat(json).doesNotContain("sounds");
        assertThat(read.sounds()).isEmpty();
        assertThat(read.names()).isEqualTo(f.names());
    }

    @Test
    void addsADifferentlyWrittenReportWithAlmostTheSameTitle() {
        OpenStory s = first(article("a", "Harbour Ledger", "Chinese military hackers roamed Japan's defence networks", JAPAN, T0, CN_JP));
        EnrichedArticle other = article("b", "Daily Wire Service", "Chinese military hackers roamed Japan's defence networks for years",
                "A different write-up of the same breach, with quotes from a minister and nothing copied from anyone else at all.",
                T0.plus(Duration.ofDays(1)), CN_JP);

        assertThat(assign(List.of(s), other, T0).orElseThrow().story().version()).isEqualTo(2);
    }

    @Test
    void addsAReportNamingTheSameActorWhenTheTitlesAreRelated() {
        Tags apt = tags(List.of(), List.of(), List.of(new Actor("APT29", "RU")));
        OpenStory s = first(article("a", "X", "APT29 phishing hits diplomats", "Text one about the diplomats and the emails they got.", T0, apt));
        EnrichedArticle other = article("b", "Y", "Embassies targeted by APT29 phishing lures",
                "Completely separate prose on how the lures looked and who received them in which capitals.", T0, apt);

        assertThat(assign(List.of(s), other, T0).orElseThrow().story().sources()).hasSize(2);
    }

    @Test
    void keepsTwoEventsApartThoughTheyBlameAndHitTheSameStates() {
        OpenStory s = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));
        EnrichedArticle other = article("b", "Y", "Telecom operator finds spies in its billing systems",
                BALTIC, T0.plus(Duration.ofHours(2)), CN_JP);

        Story story = assign(List.of(s), other, T0).orElseThrow().story();

        assertThat(story.storyId()).isEqualTo(StoryRecords.storyId("b"));
        assertThat(story.version()).isEqualTo(1);
    }

    @Test
    void keepsApartFormulaicHeadlinesAboutOtherStates() {
        Tags irBe = tags(List.of(new Country("IR", "Iran")), List.of(new Country("BE", "Belgium")), List.of());
        OpenStory s = first(article("a", "X", "Japan says China-backed hackers stole secrets from its defence ministry", JAPAN, T0, CN_JP));
        EnrichedArticle other = article("b", "Y", "Belgium says Iran-backed hackers stole secrets from its defence ministry",
                BALTIC, T0, irBe);

        assertThat(assign(List.of(s), other, T0).orElseThrow().story().version()).isEqualTo(1);
    }

    @Test
    void keepsApartFormulaicHeadlinesAboutOtherVictims() {
        Tags kpIn = tags(List.of(new Country("KP", "North Korea")), List.of(new Country("IN", "India")), List.of());
        Tags kpKe = tags(List.of(new Country("KP", "North Korea")), List.of(new Country("KE", "Kenya")), List.of());
        OpenStory s = first(article("a", "X", "Espionage: hackers inside India finance ministry for months", JAPAN, T0, kpIn));
        EnrichedArticle other = article("b", "Y", "Espionage: hackers inside Kenya health ministry for months", BALTIC, T0, kpKe);

        assertThat(assign(List.of(s), other, T0).orElseThrow().story().version()).isEqualTo(1);
    }

    @Test
    void addsASimilarHeadlineWhoseReportNamesNoStateOrVictim() {
        OpenStory s = first(article("a", "X", "Chinese military hackers roamed Japan's defence networks", JAPAN, T0, CN_JP));
        EnrichedArticle other = article("b", "Y", "Military hackers roamed Japan's defence networks for years", BALTIC, T0,
                tags(List.of(), List.of(), List.of()));

        assertThat(assign(List.of(s), other, T0).orElseThrow().story().version()).isEqualTo(2);
    }

    @Test
    void startsANewStoryForTheSameTextOutsideTheWindow() {
        OpenStory s = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));
        EnrichedArticle late = article("b", "Y", "PLA hackers inside Japan's defence networks", JAPAN,
                T0.plus(StoryClusterer.WINDOW).plusSeconds(1), CN_JP);

        assertThat(assign(List.of(s), late, T0).orElseThrow().story().storyId())
                .isEqualTo(StoryRecords.storyId("b"));
    }

    @Test
    void joinsAReportDaysLaterOnlyOnFirmCommonGround() {
        Tags apt = tags(List.of(new Country("CN", "China")), List.of(new Country("JP", "Japan")), List.of(new Actor("APT40", "CN")));
        OpenStory s = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0, apt));
        Instant fiveDaysOn = T0.plus(Duration.ofDays(5));
        // the same actor, states and words: the follow-up of the event
        EnrichedArticle followUp = article("b", "Y", "Tokyo responds", "Officials in Tokyo confirmed that hackers working "
                + "for the People's Liberation Army had been inside the classified defence networks; the National Security "
                + "Agency had warned them, the officials said, and the breach lasted months.", fiveDaysOn, apt);
        // a headline in common is enough within three days, not five
        EnrichedArticle sameTitle = article("c", "Z", "PLA hackers inside Japan's defence networks", BALTIC, fiveDaysOn,
                tags(List.of(), List.of(), List.of()));

        assertThat(assign(List.of(s), followUp, T0).orElseThrow().story().storyId()).isEqualTo(s.story().storyId());
        assertThat(assign(List.of(s), sameTitle, T0).orElseThrow().story().storyId()).isEqualTo(StoryRecords.storyId("c"));
    }

    @Test
    void keepsGermanFunctionWordsOutOfTheKeywords() {
        Set<String> keywords = Fingerprints.keywords("Hackerangriff auf den Bundestag", "Nach dem Angriff, der eine Woche "
                + "dauerte, sagte eine Sprecherin, dass die Daten einer Fraktion abgeflossen seien. Nach Angaben des Amtes "
                + "hatte die Gruppe dabei einen Zugang.", "de");

        assertThat(keywords).contains("hacke", "bunde", "angri", "sprec").doesNotContain("nach", "eine", "einer", "dass",
                "hatte");
    }

    @Test
    void keepsHiraganaBigramsOutOfJapaneseKeywords() {
        Set<String> keywords = Fingerprints.keywords("防衛省が発表している", "", "ja");

        // in their simplified forms (HanVariants), as Chinese reports write them
        assertThat(keywords).contains("防卫", "发表").doesNotContain("して", "てい");
    }

    @Test
    void ignoresAnArticleAStoryAlreadyHas() {
        EnrichedArticle a = article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP);

        assertThat(assign(List.of(first(a)), a, T0)).isEmpty();
    }

    @Test
    void putsARevisionInPlaceOfItsEarlierTextAsTheStorysNextVersion() {
        EnrichedArticle a = article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP);
        OpenStory s = assign(List.of(first(a)),
                article("b", "Y", "PLA hackers inside Japan's defence networks", BALTIC, T0, CN_JP), T0).orElseThrow();
        String corrected = JAPAN + " The ministry later confirmed the intrusion.";
        EnrichedArticle revised = revision(article("a", "X", "PLA hackers inside Japan's defence networks", corrected, T0,
                tags(List.of(new Country("CN", "China")), List.of(new Country("JP", "Japan")), List.of(new Actor("APT40", "CN")),
                        "defense")), 2);

        OpenStory next = assign(List.of(s), revised, T0).orElseThrow();

        assertThat(next.story().version()).isEqualTo(3);
        assertThat(next.story().sources()).extracting(StorySource::articleId, StorySource::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", corrected), org.assertj.core.groups.Tuple.tuple("b", BALTIC));
        assertThat(next.fingerprints()).extracting(Fingerprint::articleId, Fingerprint::revision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 2), org.assertj.core.groups.Tuple.tuple("b", 1));
        assertThat(next.story().tags().actors()).extracting(Actor::name).containsExactly("APT40");
        assertThat(assign(List.of(next), revised, T0)).isEmpty();
        assertThat(assign(List.of(next), a, T0)).isEmpty();
    }

    @Test
    void joinsTheMostSimilarOfSeveralOpenStories() {
        OpenStory japan = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));
        OpenStory baltic = first(article("b", "X", "Phishing campaign read Baltic diplomats' mail", BALTIC, T0, CN_JP));
        EnrichedArticle copy = article("c", "Y", "Baltic diplomats' mail read by phishing campaign", BALTIC, T0, CN_JP);

        assertThat(assign(List.of(japan, baltic), copy, T0).orElseThrow().story().storyId())
                .isEqualTo(baltic.story().storyId());
    }

    /** A regex word as the clustering tokenises it: its CJK runs as overlapping bigrams (a lone one as itself). */
    private static List<String> tokens(String word) {
        List<String> out = new ArrayList<>();
        int[] cps = word.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int j = i;
            boolean cjk = Words.isCjk(cps[i]);
            while (j < cps.length && Words.isCjk(cps[j]) == cjk) {
                j++;
            }
            if (!cjk) {
                out.add(new String(cps, i, j - i));
            } else if (j - i == 1) {
                out.add(new String(cps, i, 1));
            } else {
                for (int k = i; k + 1 < j; k++) {
                    out.add(new String(cps, k, 2));
                }
            }
            i = j;
        }
        return out;
    }

    @Test
    void dropsTheTextOfSourcesOnceTheStoryTextBudgetIsSpent() {
        // three bytes a character: the budget is in bytes, not characters
        String big = "\u9632".repeat(StoryClusterer.TEXT_BUDGET_BYTES / 3 - 10);
        OpenStory s = first(article("a", "X", "PLA hackers inside Japan's defence networks", big, T0, CN_JP));
        EnrichedArticle copy = article("b", "Y", "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP);

        Story story = assign(List.of(s), copy, T0).orElseThrow().story();

        assertThat(story.sources()).extracting(StorySource::text).containsExactly(big, null);
    }

    private static int jsonBytes(Object value) throws Exception {
        return io.spyglass.model.Json.MAPPER.writeValueAsBytes(value).length;
    }

    /** An id as long as a real one (64 hex digits). */
    private static String articleId(int i) {
        return String.format(Locale.ROOT, "%064x", i);
    }

    @Test
    void keepsAStoryOfFiveHundredCjkSourcesUnderTheRecordLimitAndListsThemAll() throws Exception {
        // a 40-character headline and a 30,000-character text per report, in a three-byte script, with 100 evidence
        String title = "\u4e2d\u56fd\u8ecd\u30cf\u30c3\u30ab\u30fc\u304c\u9632\u885b\u7701\u306e\u6a5f\u5bc6"
                + "\u7db2\u306b\u4fb5\u5165\u3001\u7c73\u7d19\u5831\u9053".repeat(2);
        String text = "\u9632\u885b\u7701\u306e\u6a5f\u5bc6\u7db2".repeat(4300);
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            evidence.add(new Evidence("victims", "JP", "\u65e5\u672c".repeat(20), i, "victim-noun"));
        }
        Tags tags = new Tags(true, 0.9, CN_JP.attributed(), CN_JP.victims(), List.of(), List.of(), List.of(), List.of(),
                List.of(), evidence, "test/1");
        OpenStory s = first(inLanguage(article(articleId(0), "Outlet 0", title, text, T0, tags), "ja"));
        for (int i = 1; i < 500; i++) {
            s = assign(List.of(s), inLanguage(article(articleId(i), "Outlet " + i, title, text, T0.plusSeconds(i), tags), "ja"),
                    T0).orElseThrow();
        }

        Story story = s.story();
        assertThat(story.sources()).hasSize(500);
        assertThat(story.omittedSources()).isZero();
        assertThat(story.sources().get(0).text()).isEqualTo(text);
        assertThat(story.sources().get(0).evidence()).hasSize(StoryClusterer.MAX_EVIDENCE);
        assertThat(story.sources().get(499).text()).isNull();
        assertThat(jsonBytes(story)).isLessThan(StoryClusterer.MAX_STORY_BYTES);
        assertThat(new OpenStorySerde().serializer().serialize("t", s).length).isLessThan(StoryClusterer.MAX_STORY_BYTES);
    }

    @Test
    void cutsUnboundedTitlesAndStaysUnderTheRecordLimit() throws Exception {
        String title = "\u4e2d\u56fd\u8ecd\u30cf\u30c3\u30ab\u30fc".repeat(860);
        OpenStory s = first(article("a0", "Outlet 0", title, JAPAN, T0, CN_JP));
        for (int i = 1; i < 500; i++) {
            s = assign(List.of(s), article("a" + i, "Outlet " + i, title, JAPAN, T0.plusSeconds(i), CN_JP), T0).orElseThrow();
        }

        assertThat(s.story().sources().get(0).title()).hasSize(StoryClusterer.MAX_TITLE_CHARS + 1);
        assertThat(s.story().sources().size() + s.story().omittedSources()).isEqualTo(500);
        assertThat(new OpenStorySerde().serializer().serialize("t", s).length).isLessThan(StoryClusterer.MAX_STORY_BYTES);
    }

    @Test
    void countsButLeavesOutSourcesWhoseMetadataAloneWouldPassTheLimit() throws Exception {
        // hostile feeds: 20 KB URLs with quotes and control characters, which JSON writes six bytes each
        String junk = "\"\u0001".repeat(10_000);
        OpenStory s = first(article("a0", junk, "PLA hackers inside Japan's defence networks", JAPAN, T0, CN_JP));
        for (int i = 1; i < 500; i++) {
            s = assign(List.of(s), article("a" + i, junk, "PLA hackers inside Japan's defence networks", JAPAN,
                    T0.plusSeconds(i), CN_JP), T0).orElseThrow();
        }

        assertThat(s.story().omittedSources()).isPositive();
        assertThat(s.story().sources().size() + s.story().omittedSources()).isEqualTo(500);
        assertThat(new OpenStorySerde().serializer().serialize("t", s).length).isLessThan(StoryClusterer.MAX_STORY_BYTES);
    }

    @Test
    void mergesTwoStoriesAReportShowsToBeOneIntoTheOneFirstSeen() {
        // two reports of one event under unrelated headlines and texts; a third shares most of each one's headline
        OpenStory japan = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN, T0,
                tags(List.of(), List.of(), List.of())));
        OpenStory tokyo = first(article("b", "Y", "Tokyo scrambles after classified breach", BALTIC, T0.plusSeconds(3600),
                tags(List.of(), List.of(), List.of())));
        // the third: Tokyo's text as syndicated, under a headline most of the first one's
        EnrichedArticle bridge = article("c", "Z", "PLA hackers inside Japan's defence networks, Tokyo says", BALTIC,
                T0.plusSeconds(7200), tags(List.of(), List.of(), List.of()));

        StoryClusterer.Placement p = place(List.of(tokyo, japan), bridge, T0.plusSeconds(7200));

        assertThat(p.mergedAway()).singleElement().satisfies(gone -> {
            assertThat(gone.storyId()).isEqualTo(tokyo.story().storyId());
            assertThat(gone.mergedInto()).isEqualTo(japan.story().storyId());
            assertThat(gone.version()).isEqualTo(2);
        });
        Story survivor = p.open().get(0).story();
        assertThat(survivor.storyId()).isEqualTo(japan.story().storyId());
        assertThat(survivor.sources()).extracting(StorySource::articleId).containsExactly("a", "b", "c");
        assertThat(survivor.firstSeen()).isEqualTo(T0);
    }

    private static EnrichedArticle inLanguage(EnrichedArticle e, String language) {
        return EnrichedArticle.of(e.article(), language, e.tags());
    }

    @Test
    void joinsAReportInAnotherLanguageThatBlamesAndHitsTheSameStatesAndNamesTheSameThings() {
        OpenStory english = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN + " The NSA "
                + "told Tokyo in 2020, the Washington Post reported.", T0, CN_JP));
        EnrichedArticle japanese = inLanguage(article("b", "Y", "\u4e2d\u56fd\u8ecd\u30cf\u30c3\u30ab\u30fc\u3001"
                + "\u9632\u885b\u7701\u306e\u6a5f\u5bc6\u7db2\u306b\u4fb5\u5165", "\u7c73\u56fd\u5bb6\u5b89\u5168"
                + "\u4fdd\u969c\u5c40\uff08NSA\uff09\u304c\u5bdf\u77e5\u3057\u3001Washington Post\u304c\u5831\u3058\u305f\u3002",
                T0.plusSeconds(20 * 3600), CN_JP), "ja");

        assertThat(assign(List.of(english), japanese, T0).orElseThrow().story().storyId()).isEqualTo(english.story().storyId());
    }

    @Test
    void keepsApartAReportInAnotherLanguageAboutAnotherVictim() {
        OpenStory english = first(article("a", "X", "PLA hackers inside Japan's defence networks", JAPAN + " The NSA "
                + "told Tokyo in 2020, the Washington Post reported.", T0, CN_JP));
        Tags cnKr = tags(List.of(new Country("CN", "China")), List.of(new Country("KR", "South Korea")), List.of());
        EnrichedArticle korean = inLanguage(article("b", "Y", "\uc911\uad6d \ud574\ucee4, \uad6d\ubc29\ubd80 \ub9dd \uce68\ud22c",
                "NSA Washington Post", T0.plusSeconds(3600), cnKr), "ko");

        assertThat(assign(List.of(english), korean, T0).orElseThrow().story().storyId()).isNotEqualTo(english.story().storyId());
    }

    @Test
    void joinsReportsInTwoScriptsOnTheNamesAndBorrowedWordsTheyShare() {
        Tags none = tags(List.of(), List.of(), List.of());
        OpenStory russian = first(inLanguage(article("a", "X", "\u0425\u0430\u043a\u0435\u0440\u044b \u0413\u0420\u0423",
                "\u0425\u0430\u043a\u0435\u0440\u044b \u0413\u0420\u0423 \u0438\u0437 \u0433\u0440\u0443\u043f\u043f\u044b "
                        + "Sandworm \u0430\u0442\u0430\u043a\u043e\u0432\u0430\u043b\u0438 \u041e\u043b\u0438\u043c\u043f\u0438"
                        + "\u0430\u0434\u0443 \u0438 \u0437\u0430\u043f\u0443\u0441\u0442\u0438\u043b\u0438 NotPetya.", T0, none), "ru"));
        EnrichedArticle polish = inLanguage(article("b", "Y", "Hakerzy GRU oskar\u017ceni", "Hakerzy GRU z grupy Sandworm "
                + "zaatakowali olimpiad\u0119 i wypu\u015bcili NotPetya.", T0.plusSeconds(3600), none), "pl");

        assertThat(assign(List.of(russian), polish, T0).orElseThrow().story().storyId()).isEqualTo(russian.story().storyId());
    }

    @Test
    void writesCyrillicInLatinLettersForComparingScripts() {
        Map<String, String> latin = Map.of("\u0433\u0440\u0443", "gru", "\u0445\u0430\u043a\u0435\u0440", "haker",
                "\u043a\u0430\u0441\u043f\u0435\u0440\u0441\u043a\u043e\u0433\u043e", "kasperskogo",
                "\u0443\u043a\u0440\u0430\u0457\u043d\u0430", "ukraina", "\u0448\u043f\u0438\u043e\u043d\u0430\u0436", "shpionazh");
        latin.forEach((cyrillic, expected) -> assertThat(Cyrillic.toLatin(cyrillic)).as(cyrillic).isEqualTo(expected));
        String noCyrillic = "nsa-2024";
        assertThat(Cyrillic.toLatin(noCyrillic)).isSameAs(noCyrillic);
    }

    @Test
    void comparesJapaneseHeadlinesByCharacterBigrams() {
        Tags none = tags(List.of(), List.of(), List.of());
        OpenStory one = first(inLanguage(article("a", "X", "\u4e2d\u56fd\u8ecd\u30cf\u30c3\u30ab\u30fc\u304c"
                + "\u9632\u885b\u6a5f\u5bc6\u7db2\u306b\u4fb5\u5165", "", T0, none), "ja"));
        EnrichedArticle two = inLanguage(article("b", "Y", "\u9632\u885b\u6a5f\u5bc6\u7db2\u306b\u4e2d\u56fd\u8ecd"
                + "\u30cf\u30c3\u30ab\u30fc\u4fb5\u5165\u304b", "", T0.plusSeconds(600), none), "ja");

        assertThat(assign(List.of(one), two, T0).orElseThrow().story().storyId()).isEqualTo(one.story().storyId());
    }

    private static final String GERMAN_PEGASUS = "Die Spähsoftware Pegasus der Firma NSO wurde laut Guardian und Amnesty "
            + "auf Telefonen gefunden.";

    /** A German report naming Pegasus, an English one on what Guardian and Amnesty found, an English one tagging Pegasus. */
    private static StoryClusterer.Placement pegasus(String englishText) {
        Tags none = tags(List.of(), List.of(), List.of());
        Tags pegasus = new Tags(true, 0.8, List.of(), List.of(), List.of(), List.of(), List.of("Pegasus"), List.of(),
                List.of(), List.of(new Evidence("espionage", "true", "spyware", 0, "r1")), "test/1");
        OpenStory german = first(inLanguage(article("t", "X", "", GERMAN_PEGASUS, T0, none), "de"));
        OpenStory english = first(article("s", "Y", "Spyware found on phones of journalists", englishText,
                T0.plusSeconds(3600), none));
        EnrichedArticle bridge = article("x", "Z", "Spyware found on phones of journalists",
                "The Pegasus spyware of NSO was found on phones of journalists.", T0.plusSeconds(7200), pegasus);
        return place(List.of(german, english), bridge, T0.plusSeconds(7200));
    }

    @Test
    void mergesAStoryWhoseReportMatchesFirmlyWhatTheJoiningReportAndItsStoryNameTogether() {
        // the German report matches the bridge (Pegasus tagged there and named here, NSO), but not firmly; with what
        // the English story names (Guardian, Amnesty) it does
        StoryClusterer.Placement p = pegasus("Reporters at the Guardian and Amnesty found the spyware on phones of journalists.");

        assertThat(p.mergedAway()).singleElement().satisfies(gone -> assertThat(gone.mergedInto())
                .isEqualTo(StoryRecords.storyId("t")));
        assertThat(p.open().get(0).story().sources()).extracting(StorySource::articleId).containsExactly("t", "s", "x");
    }

    @Test
    void keepsApartAStoryThatMatchesTheJoiningReportOnlyLoosely() {
        StoryClusterer.Placement p = pegasus("Reporters found the spyware on phones of journalists.");

        assertThat(p.mergedAway()).isEmpty();
        assertThat(p.open().get(0).story().sources()).extracting(StorySource::articleId).containsExactly("s", "x");
    }
}

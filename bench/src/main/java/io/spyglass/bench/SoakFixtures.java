package io.spyglass.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's fixture world, a pure function of the feed number, the item number and the time: which items each feed
 * lists, what every article says, which feeds are down or hostile when. Every text is generated here from word lists,
 * so the soak needs no data set. {@link SoakFarm} serves it; {@link SoakBench} only needs the feed URLs.
 */
final class SoakFixtures {
    /** Items a feed lists at once, newest first. */
    static final int LISTED = 10;
    /** Items each feed already has when the soak starts (numbers -PRE_EXISTING..-1). */
    static final int PRE_EXISTING = 5;
    static final Duration EVENT_WINDOW = Duration.ofMinutes(10);
    static final int EVENTS_PER_WINDOW = 3;

    private static final String[] ACTORS = {"China", "Russia", "Iran", "North Korea"};
    private static final String[][] GROUPS = {
            {"Jade Lantern", "APT-Kestrel", "Bronze Harbor"},
            {"Cold Ferret", "APT-Glacier", "Iron Sable"},
            {"Saffron Kite", "APT-Dune", "Copper Mirage"},
            {"Lazarus Tide", "APT-Moonfish", "Onyx Crane"}};
    private static final String[] TARGETS = {"Japan", "Germany", "Poland", "Canada", "Australia", "India", "Norway",
            "Brazil", "Kenya", "Estonia", "Italy", "Chile"};
    private static final String[] SECTORS = {"defence", "energy", "foreign affairs", "telecommunications", "finance",
            "health", "transport", "space agency"};
    private static final String[] SYLLABLES = {"vor", "tal", "rim", "ask", "zen", "kol", "bra", "nix", "dor", "sel",
            "gra", "mun", "tor", "vex", "lio", "qua"};
    private static final String[] CITIES = {"Northbridge", "Easthaven", "Lowmoor", "Westfield", "Harrowgate", "Millbrook",
            "Stonecross", "Ashford"};
    private static final String[] TOPICS = {"budget", "railway", "library", "harbour", "school", "stadium", "bridge",
            "market", "festival", "hospital"};
    private static final String[] VERBS = {"approves", "delays", "debates", "opens", "rejects", "expands", "funds"};
    private static final String[] FILLER = {
            "Residents gathered at the town hall on Tuesday evening to hear the plans in detail.",
            "The proposal has been discussed for more than a year and drew hundreds of written comments.",
            "Local business owners said they welcomed the decision but worried about the timetable.",
            "A spokesperson for the council said further details would be published next month.",
            "Opposition members argued that the costs had been underestimated from the start.",
            "The regional newspaper first reported the figures in its weekend edition.",
            "Engineers expect the first phase of the work to take about eighteen months.",
            "Several speakers asked for the meeting to be broadcast online in the future.",
            "The mayor thanked volunteers who had collected signatures over the summer.",
            "Critics said the consultation period was too short for a project of this size."};

    private final long startMillis;

    SoakFixtures(long startMillis) {
        this.startMillis = startMillis;
    }

    /** A well-mixed 64-bit hash of the numbers (splitmix64 over each in turn). */
    static long hash(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h += v * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }

    private static int pick(long hash, int n) {
        return (int) Math.floorMod(hash, (long) n);
    }

    /** What a feed is, by its number: most are well behaved, a few of each kind of fault. */
    enum Kind { NORMAL, DRIP, HUGE, MALFORMED, ERROR_500, TIMEOUT, REFUSED, SLOW_PAGES }

    static Kind kind(int feed) {
        return switch (feed % 50) {
            case 0 -> Kind.DRIP;
            case 1 -> Kind.HUGE;
            case 2 -> Kind.MALFORMED;
            case 3 -> Kind.ERROR_500;
            case 4 -> Kind.TIMEOUT;
            case 5 -> Kind.REFUSED;
            case 6 -> Kind.SLOW_PAGES;
            default -> Kind.NORMAL;
        };
    }

    /** Minutes since the start, for the phase functions. */
    private long minute(long nowMillis) {
        return Math.floorDiv(nowMillis - startMillis, 60_000L);
    }

    /** Hostile feeds misbehave 5 minutes out of every 10 (each feed at its own phase) and serve news otherwise. */
    boolean hostile(int feed, long nowMillis) {
        return Math.floorMod(minute(nowMillis) + feed, 10) < 5;
    }

    /** Feeds that die are down 4 minutes out of every 12. */
    boolean down(int feed, long nowMillis) {
        return Math.floorMod(minute(nowMillis) + feed, 12) < 4;
    }

    /** Time between two items of a feed: 4 to 12 minutes. */
    Duration period(int feed) {
        return Duration.ofSeconds(240 + pick(hash(feed, 1), 481));
    }

    /** When item {@code n} of {@code feed} is published; items -PRE_EXISTING..-1 were published before the start. */
    long published(int feed, long n) {
        long period = period(feed).toMillis();
        long offset = pick(hash(feed, 2), (int) period);
        return startMillis + offset + n * period;
    }

    /** The newest item number of {@code feed} published by {@code nowMillis} (-PRE_EXISTING - 1 when none). */
    long newest(int feed, long nowMillis) {
        long period = period(feed).toMillis();
        long offset = pick(hash(feed, 2), (int) period);
        return Math.floorDiv(nowMillis - startMillis - offset, period);
    }

    /** True when item {@code n} exists: published already and not before the oldest pre-existing one. */
    boolean exists(int feed, long n, long nowMillis) {
        return n >= -PRE_EXISTING && n <= newest(feed, nowMillis);
    }

    /** One item in twenty reports an espionage event. */
    boolean espionage(int feed, long n) {
        return pick(hash(feed, n, 3), 20) == 0;
    }

    /** One item in eight is corrected half a period after it appeared: new title and text, the same link. */
    boolean edited(int feed, long n, long nowMillis) {
        return pick(hash(feed, n, 5), 8) == 0 && nowMillis >= published(feed, n) + period(feed).toMillis() / 2;
    }

    /** An article: title and paragraphs. */
    record Text(String title, List<String> paragraphs) {
    }

    Text text(int feed, long n, long nowMillis) {
        Text base = espionage(feed, n) ? espionageReport(feed, n) : localNews(feed, n);
        if (!edited(feed, n, nowMillis)) {
            return base;
        }
        List<String> paragraphs = new ArrayList<>(base.paragraphs());
        paragraphs.add("Update: this article was corrected after publication; an earlier version misstated the date "
                + "of the announcement and the name of one of the officials quoted.");
        return new Text(base.title() + " (updated)", paragraphs);
    }

    private Text espionageReport(int feed, long n) {
        long window = Math.floorDiv(published(feed, n) - startMillis, EVENT_WINDOW.toMillis());
        int event = pick(hash(feed, n, 4), EVENTS_PER_WINDOW);
        long e = hash(window, event, 9);
        // consecutive events take the (attacker, victim) pairs in turn, so no two events of the same hour or two share
        // a pair: the clustering rightly joins reports of one pair and shared words in the same days
        int pair = (int) Math.floorMod(window * EVENTS_PER_WINDOW + event, (long) ACTORS.length * TARGETS.length);
        int actor = pair % ACTORS.length;
        String country = ACTORS[actor];
        String group = GROUPS[actor][pick(hash(e, 1), 3)].split(" |-")[0] + " " + PLACES[pick(hash(e, 11), PLACES.length)];
        String target = TARGETS[pair / ACTORS.length];
        String sector = SECTORS[pick(hash(e, 3), SECTORS.length)];
        String malware = malware(e);
        String title = switch (pick(hash(feed, n, 6), 3)) {
            case 0 -> group + " hackers breached " + target + "'s " + sector + " networks with " + malware;
            case 1 -> target + " says " + country + "-linked " + group + " spied on its " + sector + " ministry using "
                    + malware;
            default -> malware + " espionage campaign by " + group + " hit " + target + " " + sector + " networks";
        };
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(target + " officials said that a cyber-espionage campaign attributed to " + group + ", a state-sponsored "
                + "hacking group linked to " + country + "'s intelligence services, had breached networks at the " + sector
                + " ministry and stolen classified documents using the " + malware + " backdoor.");
        // the event's own account, most of it in every report of the event and in no other event's: reports of one
        // event read alike, two events do not
        List<String> account = account(e);
        for (int i = 0; i < account.size(); i++) {
            if (pick(hash(feed, n, 40 + i), 6) != 0) {
                paragraphs.add(account.get(i));
            }
        }
        paragraphs.add(FILLER[pick(hash(feed, n, 7), FILLER.length)] + " " + FILLER[pick(hash(feed, n, 8), FILLER.length)]);
        return new Text(title, paragraphs);
    }

    private static final String[] NOUNS = {"archive", "contractor", "mail server", "satellite terminal", "payroll system",
            "research lab", "embassy", "port authority", "pipeline operator", "customs office", "weather service",
            "election board", "shipyard", "rail signalling", "tax portal", "university", "grid operator", "drone maker",
            "patent office", "hospital network", "water utility", "border agency", "radar station", "think tank"};
    private static final String[] VERBS_PAST = {"copied", "encrypted", "mapped", "siphoned", "catalogued", "monitored",
            "harvested", "tampered with", "exported", "indexed", "scanned", "probed"};
    private static final String[] OBJECTS = {"negotiating briefs", "procurement files", "source code", "staff passports",
            "tender documents", "cabinet minutes", "firmware images", "contract drafts", "sensor logs", "visa records",
            "budget forecasts", "design blueprints", "cable traffic", "treaty notes", "shipping manifests", "payroll data"};
    private static final String[] HOW = {"through a compromised VPN appliance", "via a poisoned software update",
            "with stolen administrator passwords", "by abusing a forgotten test server", "through a hijacked supplier account",
            "using a zero-day flaw in a mail gateway", "via malicious conference invitations", "through an exposed remote desktop"};
    private static final String[] PLACES = {"Valmora", "Kestrine", "Dunharrow", "Orlavy", "Pesk", "Thornvale", "Ilmaren",
            "Corvada", "Brisk", "Quenton", "Savell", "Murrow", "Ashkir", "Delphine", "Yarrow", "Tessin"};

    /** Five sentences that tell event {@code e}: words picked for the event, so each event has its own account. */
    private static List<String> account(long e) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            long h = hash(e, 100 + k);
            out.add("At the " + NOUNS[pick(h, NOUNS.length)] + " in " + PLACES[pick(hash(h, 1), PLACES.length)] + " the intruders "
                    + VERBS_PAST[pick(hash(h, 2), VERBS_PAST.length)] + " " + OBJECTS[pick(hash(h, 3), OBJECTS.length)] + " "
                    + HOW[pick(hash(h, 4), HOW.length)] + ", and investigators counted " + (3 + pick(hash(h, 5), 400))
                    + " affected machines across " + (2 + pick(hash(h, 6), 40)) + " offices near "
                    + PLACES[pick(hash(h, 7), PLACES.length)] + " and the " + NOUNS[pick(hash(h, 8), NOUNS.length)] + ".");
        }
        return out;
    }

    private static String malware(long e) {
        String a = SYLLABLES[pick(hash(e, 4), SYLLABLES.length)];
        String b = SYLLABLES[pick(hash(e, 5), SYLLABLES.length)];
        return Character.toUpperCase(a.charAt(0)) + a.substring(1) + b + "Loader";
    }

    private Text localNews(int feed, long n) {
        String city = CITIES[pick(hash(feed, n, 10), CITIES.length)];
        String topic = TOPICS[pick(hash(feed, n, 11), TOPICS.length)];
        String verb = VERBS[pick(hash(feed, n, 12), VERBS.length)];
        String title = city + " council " + verb + " " + topic + " plan (report " + feed + "-" + n + ")";
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("The " + city + " council " + verb + " the " + topic + " plan at its meeting this week, after a "
                + "debate that lasted well into the night.");
        for (int i = 0; i < 5; i++) {
            paragraphs.add(FILLER[pick(hash(feed, n, 20 + i), FILLER.length)] + " "
                    + FILLER[pick(hash(feed, n, 30 + i), FILLER.length)]);
        }
        return new Text(title, paragraphs);
    }

    /** The feed's RSS at {@code nowMillis}: its {@link #LISTED} newest items, links under {@code base}. */
    String rss(int feed, String base, long nowMillis) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Soak outlet " + feed + "</title><link>" + base + "/</link><description>Generated news</description>");
        long newest = newest(feed, nowMillis);
        for (long n = newest; n > newest - LISTED && n >= -PRE_EXISTING; n--) {
            Text t = text(feed, n, nowMillis);
            String link = base + "/a/" + feed + "/" + n;
            b.append("<item><title>").append(escape(t.title())).append("</title><link>").append(link)
                    .append("</link><guid>").append(link).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(published(feed, n)).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(escape(t.paragraphs().get(0))).append("</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    /** The article page of item {@code n}, or null when it does not exist (yet). */
    String page(int feed, long n, long nowMillis) {
        if (!exists(feed, n, nowMillis)) {
            return null;
        }
        Text t = text(feed, n, nowMillis);
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(t.title())).append("</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World"
                        + "</a></nav><article><h1>").append(escape(t.title())).append("</h1>");
        for (String p : t.paragraphs()) {
            b.append("<p>").append(escape(p)).append("</p>");
        }
        return b.append("</article><footer>Soak outlet ").append(feed).append(" - all rights reserved</footer></body></html>")
                .toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package io.spyglass.app;

import io.spyglass.testkit.LocalServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A loopback news farm of made-up outlets, generated rather than stored: {@value #OUTLETS} outlets with 30 items
 * each. {@value #EVENTS} espionage events are each reported by three outlets with the same wire text under their
 * own headlines; every other item is local news. Generated from fixed seeds, so every run serves the same farm.
 */
final class NewsFarm implements AutoCloseable {
    static final int OUTLETS = 10;
    static final int EVENTS = 20;
    static final int ITEMS_PER_OUTLET = 30;
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final String[] STATES = {"China", "Russia", "Iran", "North Korea"};
    private static final String[] AGENCIES = {"Ministry of State Security", "GRU military intelligence service",
            "Revolutionary Guard intelligence unit", "Reconnaissance General Bureau"};
    private static final String[] VICTIMS = {"Japan", "Germany", "France", "Italy", "Spain", "Poland", "Norway", "Sweden",
            "Finland", "Denmark", "Netherlands", "Belgium", "Austria", "Canada", "Australia", "India", "Brazil", "Mexico",
            "Kenya", "Vietnam"};
    private static final String[] SECTORS = {"defence ministry", "foreign ministry", "energy regulator", "telecom operator",
            "space agency", "finance ministry", "navy shipyard", "election commission", "health ministry", "parliament"};
    private static final String[] SENTENCES = {
        "Hackers working for %1$s's %2$s broke into the networks of %3$s's %4$s and stayed hidden for %5$d months, officials said.",
        "Investigators found a backdoor on %5$d servers of the %4$s that sent classified documents to command and control machines.",
        "The cyber-espionage campaign, which %3$s blamed on %1$s, exfiltrated diplomatic cables and procurement plans.",
        "A senior official in %3$s said the intrusion was the work of state-sponsored hackers tied to the %2$s.",
        "The attackers used spear phishing emails that imitated invitations to a %6$s security conference.",
        "Custom malware disguised as a printer driver gave the spies access to the mailboxes of %5$d senior staff.",
        "Counter-intelligence officers in %3$s detected the implant after unusual traffic left the %4$s at night.",
        "%1$s denied any involvement and called the accusations of espionage baseless.",
        "The breach at the %4$s was the largest espionage operation against %3$s discovered this decade, analysts said.",
        "Stolen files included negotiating positions, personnel records and technical plans, according to the investigators.",
        "The hackers exfiltrated data in small encrypted batches to avoid detection, a forensic report shows.",
        "Officials in %3$s summoned %1$s's ambassador over the cyber intrusion into the %4$s.",
        "Security researchers linked the malware to earlier espionage by the %2$s against other governments.",
        "The %4$s has since replaced its email servers and reset every password, a spokesperson said.",
        "Lawmakers in %3$s demanded an inquiry into how the spies went unnoticed for %5$d months.",
        "The state-backed hackers exploited an unpatched VPN appliance to get their first foothold in %6$s.",
    };
    private static final String[] LOCAL = {
        "The council of %1$s approved a budget of %2$d thousand for road repairs on Tuesday evening.",
        "Residents of %1$s queued for hours to see the new exhibition of river photographs at the town library.",
        "The %1$s rowing club won its %2$dth regional title after a close race on the lake.",
        "Bakers in %1$s say the price of flour has risen for the %2$dth month in a row.",
        "A new cycle lane along the harbour of %1$s opens next week after two years of work.",
        "The school choir of %1$s will sing at the spring festival, the headteacher announced.",
        "Farmers near %1$s expect a good apple harvest after a mild and wet summer.",
        "The %1$s market will stay open late on Fridays from next month, traders agreed.",
        "Volunteers planted %2$d trees in the parks of %1$s over the weekend.",
        "The ferry between %1$s and the islands runs on a winter timetable from Monday.",
    };
    private static final String[] ADJECTIVES = {"forged", "quiet", "remote", "encrypted", "hidden", "foreign", "stale",
            "rogue", "early", "internal", "archived", "spare", "borrowed", "deleted", "renamed", "unsigned", "nightly",
            "shared", "local", "rented"};
    private static final String[] NOUNS = {"certificates", "routers", "invoices", "badges", "laptops", "tickets",
            "accounts", "backups", "domains", "tokens", "printers", "contracts", "calendars", "keys", "drives", "modems",
            "schedules", "scanners", "mailboxes", "licences"};
    private static final String[] TOWNS = {"Ashford", "Bramley", "Carrow", "Dunmere", "Elsworth", "Fenwick", "Glenby",
            "Hollin", "Ivybridge", "Kestle", "Lowmoor", "Marden"};

    private final LocalServer server = LocalServer.start();
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<Set<String>> events = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();

    NewsFarm() {
        generate();
        server.serveAll(path -> {
            byte[] body = files.get(path);
            return body == null ? null : new LocalServer.Response(200, path.endsWith(".rss")
                    ? "application/rss+xml; charset=utf-8" : "text/html; charset=utf-8", body);
        });
    }

    private record Item(String path, String title, String text, Instant published) {
    }

    private void generate() {
        List<List<Item>> outlets = new ArrayList<>();
        for (int o = 0; o < OUTLETS; o++) {
            outlets.add(new ArrayList<>());
        }
        for (int e = 0; e < EVENTS; e++) {
            // spread seeds: java.util.Random streams from neighbouring seeds start alike, and the events would too
            Random random = new Random(0x9E3779B97F4A7C15L * (e + 1));
            String state = STATES[e % STATES.length];
            String agency = AGENCIES[e % STATES.length];
            String victim = VICTIMS[e];
            String sector = SECTORS[e % SECTORS.length];
            List<String> sentences = new ArrayList<>(List.of(SENTENCES));
            Collections.shuffle(sentences, random);
            StringBuilder text = new StringBuilder();
            // few shared templates and sentences of the event's own, so no two events' texts look like copies
            for (String s : sentences.subList(0, 5)) {
                text.append("<p>").append(String.format(s, state, agency, victim, sector, 3 + random.nextInt(20), victim))
                        .append("</p>\n");
                text.append("<p>").append(ownSentence(random, victim)).append("</p>\n");
            }
            String[] headlines = {
                state + " spies hacked " + victim + "'s " + sector,
                victim + " says " + state + "-backed hackers stole secrets from its " + sector,
                "Espionage: hackers inside " + victim + " " + sector + " for months",
            };
            Set<String> urls = new HashSet<>();
            for (int copy = 0; copy < 3; copy++) {
                int outlet = (e + copy * 3) % OUTLETS;
                String path = "/o" + outlet + "/espionage-" + e + ".html";
                outlets.get(outlet).add(new Item(path, headlines[copy], text.toString(),
                        T0.plusSeconds(86_400L * e + 3600L * copy)));
                urls.add(url(path));
            }
            events.add(urls);
        }
        for (int o = 0; o < OUTLETS; o++) {
            Random random = new Random(0x9E3779B97F4A7C15L * (o + 101));
            List<Item> items = outlets.get(o);
            for (int i = 0; items.size() < ITEMS_PER_OUTLET; i++) {
                String town = TOWNS[random.nextInt(TOWNS.length)];
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < 5; p++) {
                    text.append("<p>").append(String.format(LOCAL[random.nextInt(LOCAL.length)], town, 2 + random.nextInt(40)))
                            .append("</p>\n");
                }
                items.add(new Item("/o" + o + "/local-" + i + ".html", "News from " + town + ", item " + o + "-" + i,
                        text.toString(), T0.plusSeconds(3600L * i)));
            }
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                    + "<title>Outlet " + o + "</title><link>/</link><description>Made-up outlet " + o + "</description>\n");
            for (Item item : items) {
                files.put(item.path(), page("Outlet " + o, item).getBytes(StandardCharsets.UTF_8));
                pages.add(url(item.path()));
                rss.append("<item><title>").append(item.title()).append("</title><link>").append(item.path())
                        .append("</link><guid isPermaLink=\"false\">").append(item.path()).append("</guid><pubDate>")
                        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC)))
                        .append("</pubDate></item>\n");
            }
            rss.append("</channel></rss>\n");
            files.put("/o" + o + "/feed.rss", rss.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String ownSentence(Random random, String victim) {
        StringBuilder s = new StringBuilder("In " + victim + ", the investigators also noted");
        for (int i = 0; i < 8; i++) {
            s.append(i == 0 ? " " : i % 2 == 0 ? " and " : " ").append(i % 2 == 0 ? ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                    : NOUNS[random.nextInt(NOUNS.length)]);
        }
        return s.append('.').toString();
    }

    private static String page(String outlet, Item item) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + item.title() + " | " + outlet
                + "</title><meta property=\"og:title\" content=\"" + item.title() + "\"><meta property=\"og:site_name\" content=\""
                + outlet + "\"><meta property=\"article:published_time\" content=\"" + item.published() + "\"></head>\n"
                + "<body><header><a href=\"/\">" + outlet + "</a></header><main><article><h1>" + item.title() + "</h1>\n"
                + "<div class=\"story-body\">\n" + item.text() + "</div></article></main>"
                + "<footer><p>All rights reserved.</p></footer></body></html>\n";
    }

    /** The absolute URL of {@code path} on this server; also the canonical URL ingest gives the article. */
    String url(String path) {
        return server.url(path).toString();
    }

    /** A feeds.yaml listing outlets {@code from} (inclusive) to {@code to} (exclusive). */
    String feedsYaml(int from, int to) {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (int o = from; o < to; o++) {
            yaml.append("  - url: ").append(url("/o" + o + "/feed.rss")).append("\n    name: Outlet ").append(o).append('\n');
        }
        return yaml.toString();
    }

    /** The URLs of the articles of each espionage event: what each story's sources must be. */
    List<Set<String>> events() {
        return events;
    }

    /** Every article page. */
    List<String> pages() {
        return pages;
    }

    @Override
    public void close() {
        server.close();
    }
}

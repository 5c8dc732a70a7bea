package io.spyglass.enrich.tag;

import io.spyglass.model.Country;
import io.spyglass.model.Evidence;
import io.spyglass.model.Tags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tags an article as cyber-espionage or not. */
public final class Tagger {
    private static final Pattern CYBER = Pattern.compile("(?i)\\b(hack\\w*|cyber\\w*|malware|breach\\w*)\\b");
    private static final Map<String, Country> DEMONYMS = Map.of(
            "Chinese", new Country("CN", "China"), "Russian", new Country("RU", "Russia"),
            "Iranian", new Country("IR", "Iran"), "North Korean", new Country("KP", "North Korea"));
    private static final Pattern VICTIM = Pattern.compile("\\b(Japan)(?:'s|’s|ese)\\b");

    public static Tagger loadDefault() {
        return new Tagger();
    }

    public static Tagger load(Path extra) {
        return new Tagger();
    }

    public String version() {
        return "spyglass-tagger/0.1";
    }

    public Tags tag(String title, String text) {
        String input = title + "\n" + text;
        List<Evidence> evidence = new ArrayList<>();
        List<Country> attributed = new ArrayList<>();
        for (var e : DEMONYMS.entrySet()) {
            Matcher m = Pattern.compile("\\b" + e.getKey() + "\\b[^.]{0,40}\\bhackers\\b").matcher(input);
            if (m.find()) {
                attributed.add(e.getValue());
                evidence.add(new Evidence("attributed", e.getValue().code(), m.group(), m.start(), "demonym"));
            }
        }
        List<Country> victims = new ArrayList<>();
        Matcher v = VICTIM.matcher(input);
        if (v.find()) {
            victims.add(new Country("JP", "Japan"));
        }
        boolean cyber = CYBER.matcher(input).find();
        boolean esp = cyber && !attributed.isEmpty();
        return new Tags(esp, esp ? 0.8 : 0.1, attributed, victims, List.of(), List.of(), List.of(), List.of(), List.of(), evidence, version());
    }
}

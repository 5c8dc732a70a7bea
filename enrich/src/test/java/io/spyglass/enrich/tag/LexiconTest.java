package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.Lexicon.Kind;
import io.spyglass.enrich.tag.Lexicon.Term;
import io.spyglass.enrich.tag.Lexicon.TermKind;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Country;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {
    static final Lexicon ENGLISH = new Lexicon(Lexicon.bundledTaxonomy(), "en");

    /** The bundled lexicon of a language: the bundled taxonomy with the language's file over it. */
    static Lexicon of(String language) {
        return new Lexicon(Lexicon.bundledTaxonomy().merge(Lexicon.languageTaxonomy(language)), language);
    }
    private static final Lexicon GERMAN = new Lexicon(
            Lexicon.bundledTaxonomy().merge(Lexicon.languageTaxonomy("de")), "de");

    private static List<Entity> entities(Lexicon lexicon, String text) {
        return lexicon.entities().match(Tokens.of(text, lexicon.vocabulary())).stream().map(Match::payload).toList();
    }

    @Test
    void namesStatesByNameDemonymCapitalAndAgency() {
        assertThat(entities(ENGLISH, "Japan")).contains(new Entity(Kind.COUNTRY, "JP", null, false,
                "countries.tsv:name:JP"));
        assertThat(entities(ENGLISH, "Russian")).extracting(Entity::kind, Entity::code)
                .containsExactly(tuple(Kind.DEMONYM, "RU"));
        assertThat(entities(ENGLISH, "the Kremlin")).extracting(Entity::kind, Entity::code)
                .containsExactly(tuple(Kind.CAPITAL, "RU"));
        assertThat(entities(ENGLISH, "the GRU")).extracting(Entity::kind, Entity::code)
                .containsExactly(tuple(Kind.AGENCY, "RU"));
    }

    @Test
    void dropsAnAgencyNameThatSeveralStatesUse() {
        assertThat(entities(ENGLISH, "the NIS said")).isEmpty();
    }

    @Test
    void namesActorsWithTheirStateAndCriminalGroupsAsCriminal() {
        assertThat(entities(ENGLISH, "Fancy Bear")).extracting(Entity::kind, Entity::actor)
                .containsExactly(tuple(Kind.ACTOR, "APT28"));
        assertThat(ENGLISH.actorCountry("APT28")).isEqualTo("RU");
        assertThat(ENGLISH.criminal("FIN7")).isTrue();
        assertThat(ENGLISH.criminal("APT28")).isFalse();
        assertThat(ENGLISH.country("JP")).isEqualTo(new Country("JP", "Japan"));
        assertThat(ENGLISH.country("XX")).isNull();
    }

    @Test
    void findsALanguagesNamesAndTheLocalCountryNamesOfCldr() {
        assertThat(entities(GERMAN, "in Indonesien")).containsExactly(new Entity(Kind.COUNTRY, "ID", null, false,
                "cldr:de:name:ID"));
        assertThat(entities(GERMAN, "chinesische Hacker")).extracting(Entity::code).containsOnly("CN");
        assertThat(entities(ENGLISH, "in Indonesien")).isEmpty();
    }

    @Test
    void keepsSignalAndLabelTermsApart() {
        Tokens tokens = Tokens.of("a spearphishing attachment", ENGLISH.vocabulary());

        List<Term> labels = ENGLISH.labelTerms().match(tokens).stream().map(Match::payload).toList();

        assertThat(labels).contains(new Term(TermKind.TECHNIQUE, "T1566.001", 1,
                "technique:T1566.001:spearphishing attachment"));
        assertThat(ENGLISH.signalTerms().matchOverlapping(tokens)).extracting(m -> m.payload().kind())
                .containsOnly(TermKind.SIGNAL);
    }

    @Test
    void resolvesTheCueListsAndWordSets() {
        Tokens tokens = Tokens.of("Japan's hackers and Iran", ENGLISH.vocabulary());

        assertThat(ENGLISH.cues().possessives().contains(tokens.id(1))).isTrue();
        assertThat(ENGLISH.cues().listGlue().contains(tokens.id(3))).isTrue();
        assertThat(ENGLISH.cues().actorNouns().startsAt(tokens, 2)).isEqualTo(1);
        assertThat(ENGLISH.cues().skippedBefore().contains(tokens.id(1))).isTrue();
        assertThat(ENGLISH.malwareNouns().contains(Tokens.of("backdoor", ENGLISH.vocabulary()).id(0))).isTrue();
        assertThat(Tokens.of("CVE", ENGLISH.vocabulary()).id(0)).isEqualTo(ENGLISH.cveId());
    }

    @Test
    void aLanguageFileNamesEachActorByItsCanonicalName() {
        // A language file that lists an actor under an alias ("Salt Typhoon" for GhostEmperor) would give its
        // articles another actor than the English ones, and stories in two languages would never share it.
        for (String language : TaggingDevSet.LANGUAGES) {
            for (Taxonomy.ActorEntry actor : Taxonomy.nonNull(Lexicon.languageTaxonomy(language).actors())) {
                assertThat(ENGLISH.actorCountry(actor.name())).as(language + " " + actor.name()).isNotNull();
            }
        }
    }

    @Test
    void chineseNamesStatesInBothScripts() {
        Lexicon chinese = of("zh");
        for (String text : List.of("塞尔维亚", "塞爾維亞")) {
            Tokens tokens = Tokens.of(text, chinese.vocabulary());

            assertThat(chinese.entities().match(tokens)).as(text).extracting(m -> m.payload().code()).contains("RS");
        }
    }
}

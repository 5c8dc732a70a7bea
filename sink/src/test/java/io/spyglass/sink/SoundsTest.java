package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoundsTest {
    @Test
    void aNameInLatinLettersIsTheClassesOfItsConsonants() {
        assertThat(Sounds.key("Microsoft")).isEqualTo("mkrspt");
        assertThat(Sounds.key("typhoon")).isEqualTo("tpn");
        // "ng" is n, "x" is k and s, the "g" of "ge" is s, an r after a vowel before a consonant is not sounded
        assertThat(Sounds.key("washington")).isEqualTo("sntn");
        assertThat(Sounds.key("exchange")).isEqualTo("ksns");
        assertThat(Sounds.key("fortinet")).isEqualTo("ptnt");
        assertThat(Sounds.key("Kasperskii")).isEqualTo(Sounds.key("kaspersky"));
        assertThat(Sounds.key("Přemysl")).isEqualTo("prmsr");
    }

    @Test
    void katakanaMeetsTheLatinSpelling() {
        assertThat(Sounds.ofOtherScripts("マイクロソフト")).containsExactly(Sounds.key("microsoft"));
        assertThat(Sounds.ofOtherScripts("米紙ワシントン・ポストが報じた")).containsExactly(Sounds.key("washington"), Sounds.key("post"));
        assertThat(Sounds.ofOtherScripts("ボルト・タイフーン")).containsExactly(Sounds.key("volt"), Sounds.key("typhoon"));
        assertThat(Sounds.ofOtherScripts("フォーティネットの製品")).containsExactly(Sounds.key("fortinet"));
        assertThat(Sounds.ofOtherScripts("イバンティ")).containsExactly(Sounds.key("ivanti"));
    }

    @Test
    void arabicMeetsTheLatinSpellingWithoutItsArticle() {
        assertThat(Sounds.ofOtherScripts("شركة مايكروسوفت")).contains(Sounds.key("microsoft"));
        assertThat(Sounds.ofOtherScripts("في واشنطن")).containsExactly(Sounds.key("washington"));
        // the short vowels written over a word are no letters
        assertThat(Sounds.ofOtherScripts("مَايْكْرُوسُوفْت")).containsExactly(Sounds.key("microsoft"));
    }

    @Test
    void hangulMeetsTheLatinSpellingWithoutItsParticle() {
        assertThat(Sounds.ofOtherScripts("마이크로소프트는")).containsExactly(Sounds.key("microsoft"));
        assertThat(Sounds.ofOtherScripts("워싱턴 포티넷을 카스퍼스키")).containsExactly(Sounds.key("washington"),
                Sounds.key("fortinet"), Sounds.key("kaspersky"));
    }

    @Test
    void aKeyOfFewClassesIsNoneAndOtherScriptsGiveNothing() {
        // Sony, Korea: the keys of too many names; in scripts that mark no names, Federal and Ivanti too
        assertThat(Sounds.ofOtherScripts("ソニー コリア سوني الفيدرالية 이반티")).isEmpty();
        assertThat(Sounds.ofOtherScripts("Microsoft 微软")).isEmpty();
    }

    @Test
    void aCyrillicNameMeetsItsLatinSpellingAndItsInflectionsButACyrillicWordIsNoName() {
        assertThat(Sounds.ofOtherScripts("в Вашингтоне")).containsExactly(Sounds.key("vashington"));
        assertThat(Sounds.ofOtherScripts("«Лаборатория Касперского»")).contains(Sounds.key("kaspersky"));
        assertThat(Sounds.ofOtherScripts("хакеры атаковали серверы")).isEmpty();
    }
}

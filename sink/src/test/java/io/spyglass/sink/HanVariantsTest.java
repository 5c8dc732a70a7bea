package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanVariantsTest {
    @Test
    void traditionalChineseIsComparedAsSimplified() {
        assertThat(HanVariants.simplify("微軟解釋其工程師賬戶被入侵")).isEqualTo("微软解释其工程师账户被入侵");
        assertThat(HanVariants.simplify("網絡攻擊")).isEqualTo("网络攻击");
    }

    @Test
    void japaneseShinjitaiIsComparedAsSimplifiedChinese() {
        assertThat(HanVariants.simplify("武漢地震監視")).isEqualTo("武汉地震监视");
        assertThat(HanVariants.simplify("発表")).isEqualTo("发表");
    }

    @Test
    void otherTextIsLeftAsItIs() {
        String mixed = "Volt Typhoon ボルト・タイフーン 북한 Хакеры 中国";
        assertThat(HanVariants.simplify(mixed)).isSameAs(mixed);
        assertThat(HanVariants.simplified('A')).isEqualTo('A');
    }

    @Test
    void reportsInTraditionalAndSimplifiedChineseShareTheirBigrams() {
        // the fingerprint's keywords and title terms come from Words, which simplifies
        assertThat(Words.words("網絡攻擊")).containsExactly("网络", "络攻", "攻击");
        assertThat(Fingerprints.keywords("微軟", "", "zh")).containsExactly("微软");
    }
}

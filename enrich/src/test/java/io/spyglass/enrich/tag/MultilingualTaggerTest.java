package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.Country;
import io.spyglass.model.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tagging in each language the tagger reads, on short reports written for these tests. */
class MultilingualTaggerTest {
    private static final Tagger TAGGER = Tagger.loadDefault();

    private static void assertTagged(String title, String text, String language, String attributed,
                                     String victim) {
        Tagger.Tagging t = TAGGER.tagDetecting(title, text, null);

        assertThat(t.language()).isEqualTo(language);
        Tags tags = t.tags();
        assertThat(tags.espionage()).as("espionage, score %s", tags.score()).isTrue();
        assertThat(tags.attributed()).extracting(Country::code).containsExactly(attributed);
        assertThat(tags.victims()).extracting(Country::code).contains(victim).doesNotContain(attributed);
        assertThat(tags.evidence()).filteredOn(e -> e.tag().equals("attributed")).isNotEmpty()
                .allSatisfy(e -> assertThat(title + "\n" + text).contains(e.text()));
    }

    @Test
    void aJapaneseReportOfStateHackingNamesTheAttackerAndTheVictim() {
        assertTagged("中国軍のハッカー、日本の防衛省の機密ネットワークに侵入か",
                "米紙ワシントン・ポストは、中国人民解放軍のハッカーが日本の防衛省の機密情報を扱うネットワークに侵入していたと報じた。米国家安全保障局（NSA）が2020年に侵入を察知し、日本政府に伝えたという。" + "\n"
                    + "" + "\n"
                    + "関係者によると、ハッカーは防衛計画や能力評価に関する情報を狙っていたとみられる。日本政府は「サイバー攻撃で機密情報が漏えいした事実は確認していない」としている。" + "\n"
                    + "" + "\n"
                    + "米当局者は、中国によるサイバー攻撃は近年で最も深刻なものの一つだと指摘した。",
                "ja", "CN", "JP");
    }

    @Test
    void aChineseReportOfStateHackingNamesTheAttackerAndTheVictim() {
        assertTagged("台湾国安局：中国黑客组织持续针对台湾政府机构发动网络攻击",
                "台湾国安局周二发布报告称，具有中国官方背景的黑客组织去年对台湾政府部门发动了大量网络攻击，试图窃取机密文件。报告指出，攻击者利用钓鱼邮件和漏洞入侵了多个政府机构的网络。" + "\n"
                    + "" + "\n"
                    + "美国网络安全公司的研究人员表示，这些攻击与中国国家支持的APT组织有关，其目标还包括日本和菲律宾的外交部。",
                "zh", "CN", "TW");
    }

    @Test
    void aKoreanReportOfStateHackingNamesTheAttackerAndTheVictim() {
        assertTagged("북한 해킹조직 김수키, 국내 방산업체 겨냥 공격",
                "북한 정찰총국 산하 해킹조직으로 알려진 김수키가 국내 방산업체와 국방부 관계자를 노린 스피어피싱 공격을 벌인 것으로 드러났다. 국가정보원에 따르면 해커들은 국방 관련 기밀을 빼내기 위해 악성코드가 담긴 문서를 보냈다." + "\n"
                    + "" + "\n"
                    + "보안업체 관계자는 \"이번 공격은 북한의 소행으로 추정된다\"며 \"한국을 겨냥한 사이버 첩보 활동이 계속되고 있다\"고 말했다. 미국 정부도 관련 경고를 냈다.",
                "ko", "KP", "KR");
    }

    @Test
    void aRussianReportOfStateHackingNamesTheAttackerAndTheVictim() {
        assertTagged("Российские хакеры атаковали энергосети Украины",
                "Связанная с ГРУ группировка Sandworm провела атаку на энергетические компании Украины, сообщили в СБУ. По данным ведомства, злоумышленники пытались вывести из строя подстанции с помощью вредоносной программы." + "\n"
                    + "" + "\n"
                    + "Американские исследователи из компании Mandiant также связали эту кибератаку с российскими военными хакерами. В Кремле обвинения отвергли.",
                "ru", "RU", "UA");
    }

    @Test
    void aGermanReportOfStateHackingNamesTheAttackerAndTheVictim() {
        assertTagged("Chinesische Hacker spähten Bundesbehörden aus",
                "Mutmaßlich staatlich gesteuerte chinesische Hacker sind über Monate in die Netzwerke mehrerer Bundesbehörden eingedrungen. Das teilte das Bundesamt für Verfassungsschutz am Dienstag mit. Die Angreifer hätten vertrauliche Dokumente des Auswärtigen Amtes kopiert." + "\n"
                    + "" + "\n"
                    + "Die Bundesregierung macht die Gruppe APT31 verantwortlich, die im Auftrag des chinesischen Ministeriums für Staatssicherheit arbeite. Peking wies die Vorwürfe zurück. Laut BSI richteten sich die Angriffe auch gegen Ministerien in Österreich.",
                "de", "CN", "DE");
    }

    @Test
    void aFrenchReportOfStateHackingNamesTheAttackerAndTheVictim() {
        assertTagged("Des pirates informatiques russes ont visé des ministères français",
                "Un groupe de pirates informatiques lié au renseignement militaire russe (GRU) a mené une campagne d'espionnage contre plusieurs ministères français, selon l'ANSSI. Les attaquants ont utilisé des courriels piégés pour s'introduire dans les réseaux de l'administration." + "\n"
                    + "" + "\n"
                    + "D'après l'agence, le mode opératoire APT28 est à l'origine de ces intrusions, qui ont également visé l'Allemagne. Moscou dément toute implication.",
                "fr", "RU", "FR");
    }

    @Test
    void aLanguageWithoutWordListsIsReadWithTheEnglishRules() {
        // Dutch: detected and named, tagged with the English lists, which still know "APT28" and "hackers".
        Tagger.Tagging t = TAGGER.tagDetecting("APT28 achter aanval op ministerie",
                "Russische hackers van de groep APT28 zijn volgens de inlichtingendienst binnengedrongen in het "
                        + "netwerk van het ministerie van Defensie. Er werd malware gevonden op meerdere servers.",
                null);

        assertThat(t.language()).isEqualTo("nl");
        assertThat(t.tags().actors()).extracting(a -> a.name()).containsExactly("APT28");
        assertThat(t.tags().tagger()).isEqualTo(TAGGER.version());
    }

    @Test
    void anUndeterminedTextIsTaggedWithoutFailing() {
        for (String text : List.of("", "12345", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "ሰላም ለዓለም ይሁን ይህ የሙከራ ጽሑፍ ነው")) {
            Tagger.Tagging t = TAGGER.tagDetecting(null, text, null);
            assertThat(t.tags().espionage()).isFalse();
            assertThat(t.language()).isNotBlank();
        }
        assertThat(TAGGER.tagDetecting("", "", null).language()).isEqualTo(Language.UNDETERMINED);
    }

    @Test
    void aDeclaredLanguageNobodyReadsFallsBackToEnglish() {
        Tags tags = TAGGER.tag("Chinese hackers breached ministry",
                "Chinese military hackers broke into the defence ministry network and stole classified documents.",
                "xx");

        assertThat(tags.attributed()).extracting(Country::code).containsExactly("CN");
    }

    @Test
    void aMixedLanguageReportIsReadWithBothWordLists() {
        // A Japanese report quoting an English advisory: Japanese lists for the Japanese, English for the quote.
        Tagger.Tagging t = TAGGER.tagDetecting("北朝鮮のハッカー集団、日本の暗号資産交換業者を標的に",
                "警察庁によると、北朝鮮のハッカー集団ラザルスが日本の暗号資産交換業者を標的にした。米連邦捜査局（FBI）は声明で "
                        + "\"North Korean state-sponsored hackers continue to target the cryptocurrency industry\" "
                        + "と警告した。同集団は偽の求人メールでマルウェアを送り込んだとみられる。",
                null);

        assertThat(t.language()).isEqualTo("ja");
        assertThat(t.tags().espionage()).isTrue();
        assertThat(t.tags().attributed()).extracting(Country::code).containsExactly("KP");
        assertThat(t.tags().actors()).extracting(a -> a.name()).contains("Lazarus Group");
        assertThat(t.tags().victims()).extracting(Country::code).contains("JP");
    }

    @Test
    void aHomeInstitutionHitNamesTheHomeCountryWhenNoCountryIsNamedAsTheTarget() {
        // The police agency only reports; no country is written as the target, so the home country is.
        Tags ja = TAGGER.tag("暗号資産480億円流出 北朝鮮のハッカー集団の犯行と特定 警察庁",
                "警察庁は、暗号資産交換業者から約480億円相当が流出した事件について、北朝鮮の偵察総局傘下のハッカー集団"
                        + "「ラザルス」による犯行と特定したと発表した。", "ja");
        Tags ko = TAGGER.tag("국회 보좌진 이메일 해킹…국정원 \"北 소행\"",
                "국회 보좌진의 이메일 계정이 잇따라 해킹됐다. 국가정보원은 북한 정찰총국 산하 해킹조직의 소행으로 보고 있다고 밝혔다.",
                "ko");

        assertThat(ja.attributed()).extracting(Country::code).containsExactly("KP");
        assertThat(ja.victims()).extracting(Country::code).containsExactly("JP");
        assertThat(ja.evidence()).filteredOn(e -> e.tag().equals("victims"))
                .extracting(e -> e.rule()).containsOnly("victim-institution");
        assertThat(ko.victims()).extracting(Country::code).containsExactly("KR");
    }

    @Test
    void anInstitutionOfAnotherStateOrRegionIsNoHomeVictim() {
        // "欧州各国の外務省": Europe's foreign ministries, not Japan's; "中国外務省": China's.
        Tags europe = TAGGER.tag("ロシアの「APT29」、欧州各国の外務省を標的型メールで攻撃",
                "ロシア対外情報庁との関係が指摘されるハッカー集団APT29が、欧州各国の外務省の職員を狙った標的型メール攻撃を展開している。", "ja");
        Tags china = TAGGER.tag("中国系ハッカー集団APT41が活動",
                "中国国家安全部の指示を受けるハッカー集団APT41が新たなマルウェアを使っている。中国外務省は関与を否定した。", "ja");

        assertThat(europe.attributed()).extracting(Country::code).containsExactly("RU");
        assertThat(europe.victims()).isEmpty();
        assertThat(china.victims()).isEmpty();
    }

    @Test
    void aNameTheTableCallsACapitalIsAnInstitutionWhereTheLanguageFileSaysSo() {
        Tags tags = TAGGER.tag("Bundestag erneut Ziel von Spionage",
                "Der Bundestag meldet einen Spionageangriff. Russische Hacker der Gruppe APT28 stehen im Verdacht, "
                        + "E-Mails von Abgeordneten gestohlen zu haben.", "de");

        assertThat(tags.attributed()).extracting(Country::code).containsExactly("RU");
        assertThat(tags.victims()).extracting(Country::code).containsExactly("DE");
    }

    private static List<String> codes(List<Country> countries) {
        return countries.stream().map(Country::code).toList();
    }

    @Test
    void koreanHeadlinesNameStatesByOneHanja() {
        Tags tags = TAGGER.tag("北 해킹조직, 美 기반시설 겨냥",
                "북한 정찰총국 산하 해킹조직이 미국의 기반시설에 악성코드를 심어 정보를 빼낸 것으로 드러났다.", "ko");

        assertThat(codes(tags.attributed())).containsExactly("KP");
        assertThat(codes(tags.victims())).containsExactly("US");
    }

    @Test
    void aCjkPossessiveReachesOverAMiddleDotList() {
        Tags tags = TAGGER.tag("러시아 해킹조직, 폴란드 기업 해킹",
                "러시아군 정찰총국 해커들이 폴란드의 철도·항공 기업의 네트워크에 침투해 정보를 빼냈다.", "ko");

        assertThat(codes(tags.victims())).containsExactly("PL");
    }

    @Test
    void theGermanArmedForcesAreAnInstitutionNotAnAttacker() {
        Tags tags = TAGGER.tag("Unbekannte spähten Mailserver der Bundeswehr aus",
                "Unbekannte Hacker sind in die Mailserver der Bundeswehr eingedrungen und haben vertrauliche Dokumente "
                        + "ausgespäht. Der Militärische Abschirmdienst ermittelt wegen Cyberspionage.", "de");

        assertThat(tags.espionage()).as("score %s", tags.score()).isTrue();
        assertThat(tags.attributed()).isEmpty();
        assertThat(codes(tags.victims())).containsExactly("DE");
    }

    @Test
    void aLanguageFileKeepsTheBundledAliasesOfAnActorItLists() {
        // ru.yaml lists Lazarus Group with its Cyrillic name; the Latin "Lazarus" must still be known.
        Tags tags = TAGGER.tag("Группировка Lazarus атаковала оборонные предприятия",
                "Хакеры Lazarus взломали сети оборонных предприятий и похищали секретные данные.", "ru");

        assertThat(tags.actors()).extracting(a -> a.name()).contains("Lazarus Group");
        assertThat(codes(tags.attributed())).containsExactly("KP");
    }

    @Test
    void chineseVendorsNamesOfGroupsAttributeTheirStates() {
        Tags tags = TAGGER.tag("“蔓灵花”组织针对巴基斯坦军工单位发起网络攻击",
                "安全厂商披露，“蔓灵花”组织近期利用钓鱼邮件针对巴基斯坦军工单位实施网络窃密，窃取机密文件。", "zh");

        assertThat(codes(tags.attributed())).containsExactly("IN");
        assertThat(codes(tags.victims())).containsExactly("PK");
    }

    @Test
    void aJapaneseExpertWhoCommentsIsNoVictim() {
        Tags tags = TAGGER.tag("ロシア系ハッカー集団、ウクライナの変電所にサイバー攻撃",
                "ロシア軍の情報機関とつながるハッカー集団がウクライナの変電所を狙ったサイバー攻撃を行った。日本の専門家は「深刻な事態だ」と指摘した。",
                "ja");

        assertThat(codes(tags.victims())).containsExactly("UA");
    }

    // Issue 13: states that co-sign an advisory or are not hit are no victims; a state's own people are.
    @Test
    void aJapaneseCoSignerAndAStateWithNoSimilarDamageAreNoVictims() {
        Tags tags = TAGGER.tag("中国系ハッカー集団、米国の重要インフラに潜伏",
                "中国政府が支援するハッカー集団が米国の電力や水道のネットワークに潜伏していたと米国家安全保障局が発表した。"
                        + "勧告にはニュージーランドの情報機関も名を連ねた。国内で同様の被害は確認されていないが、日本の通信事業者にも点検を求めている。",
                "ja");

        assertThat(codes(tags.attributed())).containsExactly("CN");
        assertThat(codes(tags.victims())).containsExactly("US");
    }

    @Test
    void aKoreanWarningThatHomeInfrastructureCouldBeTargetedIsNoVictim() {
        Tags tags = TAGGER.tag("美 CISA \"中 볼트 타이푼, 美 기반시설에 수년간 잠복\"",
                "미국 사이버안보·기반시설안보국은 중국 정부가 지원하는 해킹조직 볼트 타이푼이 미국의 전력, 수도, 통신 기반시설 네트워크에 잠복해 왔다고 밝혔다. "
                        + "국내 보안업계는 한국의 기반시설도 같은 기법의 공격 대상이 될 수 있다고 지적했다.", "ko");

        assertThat(codes(tags.victims())).containsExactly("US");
    }

    @Test
    void aKoreanCompoundReachesItsVendorNounButNotPastATarget() {
        Tags vendor = TAGGER.tag("北 정찰총국 연계 해킹조직 라자루스, 일본 가상자산 거래소 해킹",
                "미국 블록체인 분석업체 체이널리시스는 북한 정찰총국 산하 해킹조직 라자루스가 일본 가상자산 거래소의 "
                        + "전산망에 침투해 기밀 자료와 가상자산을 빼돌렸다고 밝혔다.", "ko");

        assertThat(vendor.espionage()).isTrue();
        assertThat(codes(vendor.victims())).containsExactly("JP");
    }

    @Test
    void aGermanLandsAdjectiveNamesAGermanBody() {
        Tags tags = TAGGER.tag("Chinesische Hacker spähten bayerisches Ministerium aus",
                "Hacker der chinesischen Gruppe APT31 spähten das bayerische Ministerium monatelang aus.", "de");

        assertThat(codes(tags.victims())).containsExactly("DE");
    }

    @Test
    void anAttributedStateSpyingOnItsOwnExilesIsAVictim() {
        Tags tags = TAGGER.tag("Хакеры, связанные с ФСБ, атакуют российских журналистов в эмиграции",
                "Хакерская группировка, связанная с ФСБ, рассылает фишинговые письма российским журналистам в эмиграции.", "ru");

        assertThat(codes(tags.attributed())).containsExactly("RU");
        assertThat(codes(tags.victims())).containsExactly("RU");
    }

    @Test
    void frenchNamesTheVendorBeforeItsNationalityAndTargetsThatAreSpiedOn() {
        Tags tags = TAGGER.tag("Des pirates russes veulent espionner l'Afghanistan et l'Inde",
                "Selon la société américaine Mandiant, des pirates informatiques russes liés au renseignement militaire "
                        + "ont mené une campagne d'espionnage pour espionner l'Afghanistan et l'Inde.", "fr");

        assertThat(codes(tags.attributed())).containsExactly("RU");
        assertThat(codes(tags.victims())).containsExactlyInAnyOrder("AF", "IN");
    }

    @Test
    void theStateThatAccusesIsTheVictimNotTheAttacker() {
        Tags tags = TAGGER.tagDetecting("Pékin accuse l'armée taïwanaise de cyberattaques, Taipei dément",
                "Le ministère chinois de la Sécurité d'État a accusé lundi des pirates informatiques taïwanais "
                        + "d'avoir piraté des réseaux d'administrations. Taipei a démenti et dénoncé une guerre cognitive. Des "
                        + "experts rappellent que les groupes chinois visent régulièrement l'île.", null).tags();

        assertThat(tags.attributed()).extracting(Country::code).containsExactly("TW");
        assertThat(tags.victims()).extracting(Country::code).containsExactly("CN");
    }

    @Test
    void coSigningAgenciesAreNotVictims() {
        Tags tags = TAGGER.tagDetecting("澳洲發布警示：中國駭客組織APT40入侵澳洲政府網路",
                "澳洲網路安全中心發布警示指出，中國國家安全部指揮的駭客組織APT40多次入侵澳洲政府機關的網路，竊取帳號密碼。"
                        + "這份警示由美國、英國、日本與南韓等國的網路安全機關共同署名。", null).tags();

        assertThat(tags.attributed()).extracting(Country::code).containsExactly("CN");
        assertThat(tags.victims()).extracting(Country::code).containsExactly("AU");
    }

    @Test
    void anOrganisationHitNamesItsHomeStateAsTheVictim() {
        Tags tags = TAGGER.tagDetecting("Bybit遭黑客盗取15亿美元加密资产",
                "美国联邦调查局表示，朝鲜黑客组织拉撒路窃取了加密货币交易所Bybit的15亿美元资产，并通过多个钱包洗钱。", null).tags();

        assertThat(tags.attributed()).extracting(Country::code).containsExactly("KP");
        assertThat(tags.victims()).extracting(Country::code).containsExactly("AE");
    }

    @Test
    void onePressCharacterNamesAStateWhereAWordStartsAndPairsNameTwo() {
        Tags japanese = TAGGER.tagDetecting("中国系ハッカー集団、日米の防衛関連企業を標的に",
                "日米の当局は、中国系ハッカー集団が日米の防衛関連企業を狙っていると警告した。毎日中継で伝えられた。", null).tags();
        Tags korean = TAGGER.tagDetecting("북한 해커, 한미 방산업체 겨냥",
                "북한 해커조직이 한미 방산업체를 겨냥한 공격을 벌였다. 한 관계자는 조사 중이라고 말했다.", null).tags();

        assertThat(japanese.victims()).extracting(Country::code).containsExactlyInAnyOrder("JP", "US");
        assertThat(korean.victims()).extracting(Country::code).containsExactlyInAnyOrder("KR", "US");
    }
}

package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.needlepoint.inventory.Gs1Exception.Reason;

/** The GS1 element-string parser: every accepted form, every refused input, dates and check digits. */
class Gs1ParserTest {
    /** The reference date for two-digit years in these tests (the test clinic's morning). */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final String GS = "\u001D";
    /** GS1's own example GTIN; its check digit is 2. */
    static final String GTIN = "09506000134352";
    /** Synthetic GTINs with correct check digits (a US NDC-shaped one, an EAN-13 padded, a case indicator). */
    static final String GTIN_NDC = "00361234567890";
    static final String GTIN_EAN = "05012345678900";
    static final String GTIN_CASE = "10614141000415";

    static Gs1Code parse(String text) {
        return Gs1Parser.parse(text, TODAY);
    }

    static Gs1Exception refused(String text) {
        try {
            Gs1Code c = Gs1Parser.parse(text, TODAY);
            return fail("expected a Gs1Exception for %s but got %s", text, c);
        } catch (Gs1Exception e) {
            assertThat(e.getMessage()).as("one line").doesNotContain("\n", "\r").isNotBlank();
            return e;
        }
    }

    static Gs1Code code(String gtin, String expiry, String lot, String serial, String production) {
        return new Gs1Code(gtin, expiry == null ? null : LocalDate.parse(expiry), lot, serial,
                production == null ? null : LocalDate.parse(production));
    }

    @Nested
    class Forms {
        @Test
        void bracketedHumanReadable() {
            assertThat(parse("(01)09506000134352(17)271231(10)ABC123(21)XYZ"))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC123", "XYZ", null));
        }

        @Test
        void bracketedWithSpacesBetweenElementsAndInsideTheBrackets() {
            assertThat(parse("  (01) 09506000134352  (17) 271231 (10) ABC123 ( 21 ) XYZ  "))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC123", "XYZ", null));
        }

        @Test
        void bracketedInAnyOrderWithProductionDate() {
            assertThat(parse("(21)SN0001(10)L-42/B(11)250315(17)280331(01)00361234567890"))
                    .isEqualTo(code(GTIN_NDC, "2028-03-31", "L-42/B", "SN0001", "2025-03-15"));
        }

        @Test
        void bracketedLotMayHoldBracketsThatDoNotStartAnElement() {
            assertThat(parse("(01)09506000134352(10)A(B)C(1)(17)271231").lot()).isEqualTo("A(B)C(1)");
            // "(12)" would start AI 12, so the lot's bracket is escaped the GS1 Syntax Engine way.
            assertThat(parse("(01)09506000134352(10)LOT\\(12)(17)271231"))
                    .isEqualTo(code(GTIN, "2027-12-31", "LOT(12)", null, null));
        }

        @Test
        void bracketedElementsMayAlsoBeSeparatedByGroupSeparators() {
            assertThat(parse("(01)09506000134352(10)ABC" + GS + "(17)271231" + GS))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC", null, null));
        }

        @Test
        void rawWithAsciiGroupSeparators() {
            assertThat(parse("0109506000134352" + "17271231" + "10ABC123" + GS + "21XYZ"))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC123", "XYZ", null));
        }

        @Test
        void rawVariableFieldsFirstEachEndedByASeparator() {
            assertThat(parse("10ABC123" + GS + "21XYZ" + GS + "0109506000134352" + "17271231"))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC123", "XYZ", null));
            assertThat(parse("21XYZ" + GS + "1727123101095060001343521115010110LOT7"))
                    .isEqualTo(code(GTIN, "2027-12-31", "LOT7", "XYZ", "2015-01-01"));
        }

        @Test
        void rawToleratesSeparatorsAfterFixedFieldsLeadingDoubledAndTrailing() {
            assertThat(parse(GS + "0109506000134352" + GS + "17271231" + GS + GS + "10ABC" + GS))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC", null, null));
        }

        @Test
        void rawToleratesSpacesBetweenElements() {
            assertThat(parse("0109506000134352 17271231 10ABC"))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC", null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"<GS>", "{GS}", "[GS]", "^]", "\\x1D", "\\x1d", "\\u001D", "\\u001d", "\u2194"})
        void keyboardWedgeRenderingsOfTheGroupSeparator(String gs) {
            assertThat(parse("010950600013435217271231" + "10ABC123" + gs + "21XYZ"))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC123", "XYZ", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"]d2", "]C1", "]Q3", "]e0", "]J1"})
        void symbologyIdentifiersAreStripped(String prefix) {
            Gs1Code expected = code(GTIN, "2027-12-31", "ABC123", "XYZ", null);
            assertThat(parse(prefix + "01095060001343521727123110ABC123" + GS + "21XYZ")).isEqualTo(expected);
            assertThat(parse(prefix + "(01)09506000134352(17)271231(10)ABC123(21)XYZ")).isEqualTo(expected);
        }

        @Test
        void aScannerMaySendALeadingSeparatorAfterThePrefix() {
            assertThat(parse("]C1" + GS + "0109506000134352" + "10ABC").lot()).isEqualTo("ABC");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\r", "\n", "\r\n", "   ", "\t", " \r\n"})
        void theScannersEnterAndTrailingWhitespaceAreIgnored(String end) {
            assertThat(parse("]d201095060001343521727123110ABC123" + GS + "21XYZ" + end))
                    .isEqualTo(code(GTIN, "2027-12-31", "ABC123", "XYZ", null));
            assertThat(parse("(01)09506000134352(10)ABC123" + end).lot()).isEqualTo("ABC123");
        }

        @Test
        void aProductCodeAloneIsAValidGs1CodeWithoutLotOrExpiry() {
            assertThat(parse("0109506000134352")).isEqualTo(code(GTIN, null, null, null, null));
            assertThat(parse("(01)10614141000415")).isEqualTo(code(GTIN_CASE, null, null, null, null));
        }

        @Test
        void realShapedPharmaPacks() {
            // EU falsified-medicines pack: product code, serial, expiry, lot, German PZN (710).
            assertThat(parse("]d20105012345678900" + "21RX7Q2M9K4W" + GS + "17280630" + "10D4512B" + GS
                    + "710PZN12345678"))
                    .isEqualTo(code(GTIN_EAN, "2028-06-30", "D4512B", "RX7Q2M9K4W", null));
            // US DSCSA toxin carton: NDC-based GTIN, expiry with day 00, lot, serial.
            assertThat(parse("]d2010036123456789017270900" + "10C3456AB" + GS + "21100000012345"))
                    .isEqualTo(code(GTIN_NDC, "2027-09-30", "C3456AB", "100000012345", null));
            // Device (UDI) label in GS1-128, human-readable text from the box.
            assertThat(parse("(01)10614141000415(11)260102(17)290131(10)PLLA-2026-01"))
                    .isEqualTo(code(GTIN_CASE, "2029-01-31", "PLLA-2026-01", null, "2026-01-02"));
        }

        @Test
        void otherPharmaAndDeviceAisAreSkippedInBothForms() {
            Gs1Code expected = code(GTIN, "2027-12-31", "L1", "S1", null);
            assertThat(parse("(01)09506000134352(240)ADD-ID 7(241)CUST42(30)12(22)V1(7003)2712311200(710)PZN1"
                    .replace("ADD-ID 7", "ADD-ID7")
                    + "(711)CIP2(712)CN3(713)DRN4(714)AIM5(715)NDC6(716)AIC7(15)271200(16)270100(8014)MUDI1(91)X"
                    + "(17)271231(10)L1(21)S1")).isEqualTo(expected);
            assertThat(parse("0109506000134352" + "240ADD-ID7" + GS + "241CUST42" + GS + "3012" + GS + "7003"
                    + "2712311200" + GS + "715NDC6" + GS + "15271200" + "16270100" + "17271231" + "10L1" + GS
                    + "21S1")).isEqualTo(expected);
        }

        @Test
        void aFixedLengthAiThatNeedsASeparatorIsReadAtItsLengthEvenWithoutOne() {
            // 7003 is always 10 digits; a missing separator after it does not hide the lot.
            assertThat(parse("0109506000134352" + "70032712311200" + "10ABC").lot()).isEqualTo("ABC");
        }

        @Test
        void theSameAiTwiceWithTheSameValueIsAccepted() {
            assertThat(parse("(01)09506000134352(10)ABC(01)09506000134352(10)ABC"))
                    .isEqualTo(code(GTIN, null, "ABC", null, null));
        }

        @Test
        void lotAndSerialOfExactlyTwentyCharactersFromTheWholeCharacterSet() {
            String lot = "Az09!\"%&'()*+,-./:;<";
            String serial = "=>?_ZZaa99xx--..//__";
            assertThat(lot).hasSize(20);
            assertThat(serial).hasSize(20);
            Gs1Code c = parse("0109506000134352" + "10" + lot + GS + "21" + serial);
            assertThat(c.lot()).isEqualTo(lot);
            assertThat(c.serial()).isEqualTo(serial);
        }

        @Test
        void clockOverloadUsesTheClocksDate() {
            Clock clock = Clock.fixed(Instant.parse("2075-06-01T10:00:00Z"), ZoneId.of("UTC"));
            assertThat(Gs1Parser.parse("(01)09506000134352(17)250101", clock).expiry()).isEqualTo("2125-01-01");
        }
    }

    @Nested
    class Dates {
        @Test
        void dayZeroIsTheLastDayOfTheMonth() {
            assertThat(parse("(01)09506000134352(17)271200").expiry()).isEqualTo("2027-12-31");
            assertThat(parse("(01)09506000134352(17)270400").expiry()).isEqualTo("2027-04-30");
            assertThat(parse("(01)09506000134352(17)270100").expiry()).isEqualTo("2027-01-31");
        }

        @Test
        void dayZeroInFebruaryOfLeapAndCommonYears() {
            assertThat(parse("(01)09506000134352(17)280200").expiry()).isEqualTo("2028-02-29");
            assertThat(parse("(01)09506000134352(17)270200").expiry()).isEqualTo("2027-02-28");
            assertThat(parse("(01)09506000134352(17)000200").expiry()).as("2000 was a leap year").isEqualTo("2000-02-29");
            assertThat(Gs1Parser.parse("(01)09506000134352(17)000200", LocalDate.of(2060, 1, 1)).expiry())
                    .as("2100 is not a leap year").isEqualTo("2100-02-28");
        }

        @Test
        void productionDateFollowsTheSameRules() {
            assertThat(parse("(01)09506000134352(11)240200").productionDate()).isEqualTo("2024-02-29");
            assertThat(parse("(01)09506000134352(11)260315").productionDate()).isEqualTo("2026-03-15");
            Gs1Exception e = refused("(01)09506000134352(11)261301");
            assertThat(e.reason()).isEqualTo(Reason.BAD_DATE);
            assertThat(e.ai()).isEqualTo("11");
            assertThat(e.getMessage()).contains("production date (11)", "no month 13");
        }

        @Test
        void twentyNinthOfFebruaryOnlyInLeapYears() {
            assertThat(parse("(01)09506000134352(17)280229").expiry()).isEqualTo("2028-02-29");
            assertThat(refused("(01)09506000134352(17)270229").getMessage())
                    .contains("29 February 2027 does not exist");
            assertThat(Gs1Parser.parse("(01)09506000134352(17)000229", TODAY).expiry()).isEqualTo("2000-02-29");
            assertThat(refused2060("(01)09506000134352(17)000229").getMessage())
                    .contains("29 February 2100 does not exist");
        }

        private Gs1Exception refused2060(String text) {
            return org.assertj.core.api.Assertions.catchThrowableOfType(Gs1Exception.class,
                    () -> Gs1Parser.parse(text, LocalDate.of(2060, 1, 1)));
        }

        @Test
        void centuryWindowOfGs1GeneralSpecifications() {
            // Reference 2026: YY up to 50 years ahead is this century, more than 50 ahead the previous one.
            assertThat(Gs1Parser.fullYear(26, TODAY)).isEqualTo(2026);
            assertThat(Gs1Parser.fullYear(76, TODAY)).isEqualTo(2076);
            assertThat(Gs1Parser.fullYear(77, TODAY)).isEqualTo(1977);
            assertThat(Gs1Parser.fullYear(99, TODAY)).isEqualTo(1999);
            assertThat(Gs1Parser.fullYear(0, TODAY)).isEqualTo(2000);
            // Reference 2075: YY 50 or more behind is the next century.
            LocalDate ref = LocalDate.of(2075, 6, 1);
            assertThat(Gs1Parser.fullYear(25, ref)).isEqualTo(2125);
            assertThat(Gs1Parser.fullYear(26, ref)).isEqualTo(2026);
            assertThat(Gs1Parser.fullYear(74, ref)).isEqualTo(2074);
            // Reference 1999 and 2000 across the turn of a century.
            assertThat(Gs1Parser.fullYear(1, LocalDate.of(1999, 1, 1))).isEqualTo(2001);
            assertThat(Gs1Parser.fullYear(49, LocalDate.of(1999, 1, 1))).isEqualTo(2049);
            assertThat(Gs1Parser.fullYear(48, LocalDate.of(1999, 1, 1))).isEqualTo(2048);
            assertThat(Gs1Parser.fullYear(50, LocalDate.of(2000, 1, 1))).isEqualTo(2050);
            assertThat(Gs1Parser.fullYear(51, LocalDate.of(2000, 1, 1))).isEqualTo(1951);
        }

        @Test
        void theWindowAppliesToParsedExpiryAndProductionDates() {
            assertThat(parse("(01)09506000134352(17)761231").expiry()).isEqualTo("2076-12-31");
            assertThat(parse("(01)09506000134352(11)770101").productionDate()).isEqualTo("1977-01-01");
        }

        @ParameterizedTest
        @ValueSource(strings = {"271301", "270001", "279901"})
        void impossibleMonth(String yymmdd) {
            Gs1Exception e = refused("(01)09506000134352(17)" + yymmdd);
            assertThat(e.reason()).isEqualTo(Reason.BAD_DATE);
            assertThat(e.ai()).isEqualTo("17");
            assertThat(e.getMessage()).startsWith("The expiry date (17) reads " + yymmdd).contains("no month");
        }

        @Test
        void impossibleDay() {
            Gs1Exception e = refused("0109506000134352" + "17270231" + "10ABC");
            assertThat(e.reason()).isEqualTo(Reason.BAD_DATE);
            assertThat(e.getMessage()).isEqualTo("The expiry date (17) reads 270231 (YYMMDD), but 31 February 2027 does"
                    + " not exist: scan the pack again or type the code from the box.");
            assertThat(refused("(01)09506000134352(17)270431").getMessage()).contains("31 April 2027 does not exist");
            assertThat(refused("(01)09506000134352(17)270132").getMessage()).contains("32 January 2027 does not exist");
        }

        @ParameterizedTest
        @ValueSource(strings = {"27123A", "2712-1", "27 231", "２71231"})
        void nonDigitsInADate(String yymmdd) {
            Gs1Exception e = refused("(01)09506000134352(17)" + yymmdd + "(10)A");
            assertThat(e.reason()).isIn(Reason.BAD_CHARACTER);
            assertThat(e.getMessage()).startsWith("The expiry date (17) must be digits only");
        }

        @Test
        void skippedDateAisAreCheckedToo() {
            Gs1Exception e = refused("(01)09506000134352(15)271301");
            assertThat(e.reason()).isEqualTo(Reason.BAD_DATE);
            assertThat(e.getMessage()).contains("best-before date (15)");
        }
    }

    @Nested
    class Errors {
        @Test
        void badCheckDigit() {
            Gs1Exception e = refused("(01)09506000134357(17)271231(10)ABC");
            assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(e.ai()).isEqualTo("01");
            assertThat(e.getMessage()).isEqualTo("The GTIN's check digit is wrong (expected 2, read 7): scan the pack"
                    + " again or type the code from the box.");
            assertThat(refused("0109506000134353" + "10ABC").reason()).isEqualTo(Reason.CHECK_DIGIT);
        }

        @Test
        void gtinCutShortAtTheEndOfTheText() {
            Gs1Exception raw = refused("17271231" + "010950600013435");
            assertThat(raw.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(raw.ai()).isEqualTo("01");
            assertThat(raw.getMessage()).startsWith("The product code (01) is cut short: 13 of 14 digits");
            assertThat(refused("(17)271231(01)0950600013435").getMessage())
                    .startsWith("The product code (01) is cut short: 13 of 14 digits");
        }

        @Test
        void gtinCutShortByASeparator() {
            Gs1Exception e = refused("010950600013435" + GS + "17271231");
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.ai()).isEqualTo("01");
        }

        @Test
        void expiryCutShort() {
            Gs1Exception raw = refused("0109506000134352" + "172712");
            assertThat(raw.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(raw.getMessage()).isEqualTo("The expiry date (17) is cut short: 4 of 6 digits; scan the pack"
                    + " again or type the code from the box.");
            assertThat(refused("(01)09506000134352(17)2712(10)ABC").reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(refused("(01)09506000134352(17)(10)ABC").getMessage()).isEqualTo("The expiry date (17) is"
                    + " empty: scan the pack again or type the code from the box.");
        }

        @Test
        void fixedFieldTooLongInBracketedForm() {
            Gs1Exception e = refused("(01)095060001343521(10)A");
            assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(e.getMessage()).contains("has 15 digits but must have exactly 14");
        }

        @Test
        void lotOverTwentyCharacters() {
            Gs1Exception e = refused("0109506000134352" + "10ABCDEFGHIJKLMNOPQRSTU" + GS + "17271231");
            assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(e.ai()).isEqualTo("10");
            assertThat(e.getMessage()).isEqualTo("The lot (10) has 21 characters but may have at most 20 (the scanner"
                    + " may have left out a separator): scan the pack again or type the code from the box.");
            assertThat(refused("(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU").reason()).isEqualTo(Reason.TOO_LONG);
        }

        @Test
        void serialOverTwentyCharactersBeforeTheEnd() {
            Gs1Exception e = refused("010950600013435221" + "123456789012345678901");
            assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(e.ai()).isEqualTo("21");
            assertThat(e.getMessage()).startsWith("The serial number (21) has 21 characters");
        }

        @Test
        void emptyLot() {
            Gs1Exception e = refused("0109506000134352" + "10" + GS + "21XYZ");
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.getMessage()).startsWith("The lot (10) is empty");
        }

        @Test
        void charactersAGs1BarcodeCannotHold() {
            assertThat(refused("(01)09506000134352(10)ABÉ1").getMessage())
                    .isEqualTo("The lot (10) contains 'É' (U+00C9), which a GS1 barcode cannot hold: scan the pack"
                            + " again or type the code from the box.");
            assertThat(refused("0109506000134352" + "10AB#1").getMessage()).contains("'#'");
            assertThat(refused("0109506000134352" + "10AB 1").getMessage()).contains("contains a space");
            assertThat(refused("0109506000134352" + "21X\u200BY").getMessage())
                    .contains("serial number (21) contains the invisible character U+200B");
            assertThat(refused("0109506000134352" + "10\uD83D\uDC89").getMessage()).contains("U+1F489");
            assertThat(refused("(01)0950600013435A").getMessage())
                    .startsWith("The product code (01) must be digits only, but it contains 'A'");
        }

        @Test
        void repeatedAiWithADifferentValue() {
            Gs1Exception e = refused("(01)09506000134352(10)ABC(17)271231(10)ABD");
            assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
            assertThat(e.ai()).isEqualTo("10");
            assertThat(e.getMessage()).isEqualTo("The barcode holds two different values for the lot (10), ABC and"
                    + " ABD: scan the pack again or type the code from the box.");
            assertThat(refused("0109506000134352" + "0105012345678900").reason()).isEqualTo(Reason.CONFLICT);
            assertThat(refused("(01)09506000134352(17)271231(17)271200").reason()).isEqualTo(Reason.CONFLICT);
        }

        @Test
        void emptyInput() {
            for (String s : new String[] {null, "", "   ", "\r\n", "\t", "]d2", "]C1\r\n", GS, "<GS><GS>"}) {
                Gs1Exception e = refused(s);
                assertThat(e.reason()).as(String.valueOf(s)).isEqualTo(Reason.EMPTY);
                assertThat(e.getMessage()).startsWith("Nothing was scanned");
            }
        }

        @Test
        void textThatIsNotGs1() {
            for (String s : new String[] {"Jane Smith", "Botox 100U", "lot ABC123", "]", "]x", "-0109506000134352",
                "?", "(Jane)", "(01"}) {
                assertThat(refused(s).reason()).as(s).isEqualTo(Reason.NOT_GS1);
            }
            assertThat(refused("Jane Smith").getMessage()).isEqualTo("This is not a GS1 pack code (it should start"
                    + " with (01) or 01 and the 14-digit product code): scan the pack's 2D code (DataMatrix) or type"
                    + " the code from the box.");
            assertThat(refused("https://id.gs1.org/01/09506000134352/10/ABC").getMessage()).startsWith("This is a web"
                    + " link");
        }

        @Test
        void strayTextBetweenElements() {
            Gs1Exception raw = refused("0109506000134352" + "ABC");
            assertThat(raw.reason()).isEqualTo(Reason.NOT_GS1);
            assertThat(raw.getMessage()).startsWith("After the product code (01) the barcode holds 'A' where the next"
                    + " element should start");
            assertThat(refused("(01)09506000134352" + GS + "junk").getMessage())
                    .startsWith("After the product code (01) the barcode holds 'j'");
            assertThat(refused("(01)09506000134352" + GS + "(1O)A").getMessage()).startsWith("\"(1O)A\" is not a GS1"
                    + " element: each element starts with its 2-4 digit number in brackets");
            // Without the separator "(1O)" is no element start, so it belongs to the product code.
            assertThat(refused("(01)09506000134352(1O)A").getMessage())
                    .startsWith("The product code (01) must be digits only, but it contains '('");
        }

        @ParameterizedTest
        @ValueSource(strings = {"4006381333931", "036000291452", "71234564", "09506000134352", "]E04006381333931",
            "]E0 4006381333931", "]I109506000134352"})
        void aPlainProductBarcodeIsNotAPackCode(String s) {
            Gs1Exception e = refused(s);
            assertThat(e.reason()).isEqualTo(Reason.PLAIN_BARCODE);
            assertThat(e.getMessage()).isEqualTo("This is a plain product barcode, not the pack's GS1 code with lot and"
                    + " expiry; scan the 2D code (DataMatrix).");
        }

        @Test
        void noProductCode() {
            Gs1Exception e = refused("(17)271231(10)ABC123(21)XYZ");
            assertThat(e.reason()).isEqualTo(Reason.NO_GTIN);
            assertThat(e.getMessage()).startsWith("No product code (01) in this barcode");
            assertThat(refused("17271231" + "10ABC").reason()).isEqualTo(Reason.NO_GTIN);
            // An SSCC shipping label names no product.
            assertThat(refused("00106141411234567897").reason()).isEqualTo(Reason.NO_GTIN);
        }

        @Test
        void unknownAiIsNamed() {
            Gs1Exception bracketed = refused("(01)09506000134352(83)X");
            assertThat(bracketed.reason()).isEqualTo(Reason.UNKNOWN_AI);
            assertThat(bracketed.ai()).isEqualTo("83");
            assertThat(bracketed.getMessage()).isEqualTo("The barcode holds an element Needlepoint does not know (GS1"
                    + " application identifier 83): scan the pack again or type the code from the box.");
            assertThat(refused("(01)09506000134352(244)X").ai()).isEqualTo("244");
            assertThat(refused("0109506000134352" + "244X").ai()).isEqualTo("244");
            assertThat(refused("0109506000134352" + "05X").ai()).isEqualTo("05");
            assertThat(refused("0109506000134352" + "7099X").ai()).isEqualTo("7099");
            assertThat(refused("0109506000134352" + "83X").ai()).isEqualTo("83");
        }

        @Test
        void controlCharactersOtherThanTheGroupSeparator() {
            for (String c : new String[] {"\u0000", "\u0004", "\u001B", "\u001C", "\u001E", "\u007F", "\u0090"}) {
                Gs1Exception e = refused("0109506000134352" + "10AB" + c + "C");
                assertThat(e.reason()).isEqualTo(Reason.CONTROL_CHARACTER);
                assertThat(e.getMessage()).startsWith("The text holds a control character (U+00")
                        .doesNotContain(c);
            }
            assertThat(refused("(01)09506000134352\t(10)A").getMessage()).startsWith("The text holds a tab");
            Gs1Exception twoLines = refused("(01)09506000134352(10)A\r\n(01)09506000134352(10)B\r\n");
            assertThat(twoLines.reason()).isEqualTo(Reason.CONTROL_CHARACTER);
            assertThat(twoLines.getMessage()).contains("line break").contains("one pack at a time");
        }

        @Test
        void overlongInputIsRefusedWithoutReadingIt() {
            Gs1Exception e = refused("0109506000134352" + "91" + "X".repeat(Gs1Parser.MAX_LENGTH));
            assertThat(e.reason()).isEqualTo(Reason.NOT_GS1);
            assertThat(e.getMessage()).contains("too long");
        }
    }

    @Nested
    class CheckDigits {
        @Test
        void checkDigitOfGs1Examples() {
            assertThat(Gtin.checkDigit("0950600013435")).isEqualTo(2);
            assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
            assertThat(Gtin.checkDigit("03600029145")).isEqualTo(2);
            assertThat(Gtin.checkDigit("7123456")).isEqualTo(4);
            assertThat(Gtin.checkDigit("10614141000041")).as("weights start at 3 from the right whatever the length")
                    .isEqualTo(Gtin.checkDigit("0010614141000041"));
            assertThatThrownBy(() -> Gtin.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void validGtinNeedsFourteenDigitsWithTheRightCheckDigit() {
            assertThat(Gtin.isValid(GTIN)).isTrue();
            assertThat(Gtin.isValid(GTIN_NDC)).isTrue();
            assertThat(Gtin.isValid(GTIN_EAN)).isTrue();
            assertThat(Gtin.isValid(GTIN_CASE)).isTrue();
            assertThat(Gtin.isValid("09506000134353")).isFalse();
            assertThat(Gtin.isValid("9506000134352")).as("13 digits").isFalse();
            assertThat(Gtin.isValid("0950600013435X")).isFalse();
            assertThat(Gtin.isValid(null)).isFalse();
            assertThat(Gtin.isValid("")).isFalse();
        }

        @Test
        void everySingleDigitErrorIsCaught() {
            for (int pos = 0; pos < 14; pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (GTIN.charAt(pos) != d) {
                        String wrong = GTIN.substring(0, pos) + d + GTIN.substring(pos + 1);
                        assertThat(Gtin.isValid(wrong)).as(wrong).isFalse();
                    }
                }
            }
        }

        @Test
        void normalizeGtinPadsTypedCodesToFourteenDigits() {
            assertThat(Gtin.normalise("09506000134352")).isEqualTo(GTIN);
            assertThat(Gtin.normalise("9506000134352")).isEqualTo(GTIN);
            assertThat(Gtin.normalise(" 5 012345 678900 ")).isEqualTo(GTIN_EAN);
            assertThat(Gtin.normalise("036000291452")).isEqualTo("00036000291452");
            assertThat(Gtin.normalise("71234564")).isEqualTo("00000071234564");
        }

        @Test
        void normalizeGtinRefusesWithAMessageForThePersonTyping() {
            Gs1Exception check = org.assertj.core.api.Assertions.catchThrowableOfType(Gs1Exception.class,
                    () -> Gtin.normalise("9506000134357"));
            assertThat(check.reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(check.getMessage()).isEqualTo("The GTIN's check digit is wrong (expected 2, read 7): check the"
                    + " number under the barcode on the box.");
            assertThatThrownBy(() -> Gtin.normalise("95060001343")).isInstanceOf(Gs1Exception.class)
                    .hasMessageContaining("this one has 11");
            assertThatThrownBy(() -> Gtin.normalise("950600013435X")).isInstanceOf(Gs1Exception.class)
                    .hasMessageContaining("contains 'X'");
            assertThatThrownBy(() -> Gtin.normalise("")).isInstanceOf(Gs1Exception.class)
                    .hasMessageStartingWith("Type the product code");
            assertThatThrownBy(() -> Gtin.normalise(null)).isInstanceOf(Gs1Exception.class);
        }
    }

    @Nested
    class Rendering {
        @Test
        void bracketedAndRawRenderingsReadBack() {
            Gs1Code c = code(GTIN, "2027-12-31", "A(12)B", "S-1", "2026-01-02");
            assertThat(Gs1Parser.toBracketed(c)).isEqualTo("(01)09506000134352(11)260102(17)271231(10)A\\(12)B(21)S-1");
            assertThat(Gs1Parser.toRaw(c)).isEqualTo("0109506000134352112601021727123110A(12)B" + GS + "21S-1");
            assertThat(parse(Gs1Parser.toBracketed(c))).isEqualTo(c);
            assertThat(parse(Gs1Parser.toRaw(c))).isEqualTo(c);
            Gs1Code bare = code(GTIN, null, null, null, null);
            assertThat(Gs1Parser.toBracketed(bare)).isEqualTo("(01)09506000134352");
            assertThat(parse(Gs1Parser.toRaw(bare))).isEqualTo(bare);
        }
    }

    /** The recall view reads a scanner's text as a code, a typed lot number as a lot number. */
    @Test
    void aScannersTextLooksLikeACodeAndATypedLotNumberDoesNot() {
        assertThat(Gs1Parser.looksLikeCode("(01)09506000134352(10)ABC")).isTrue();
        assertThat(Gs1Parser.looksLikeCode("  ]d2010950600013435210ABC")).isTrue();
        assertThat(Gs1Parser.looksLikeCode("10ABC" + Gs1Parser.GS + "01")).isTrue();
        assertThat(Gs1Parser.looksLikeCode("010950600013435210ABC")).as("01, 14 digits and more").isTrue();
        assertThat(Gs1Parser.looksLikeCode("0109506000134352")).as("a product code alone, 16 characters").isFalse();
        assertThat(Gs1Parser.looksLikeCode("01095060001343X2ABC")).isFalse();
        assertThat(Gs1Parser.looksLikeCode("DY301A")).isFalse();
        assertThat(Gs1Parser.looksLikeCode("")).isFalse();
        assertThat(Gs1Parser.looksLikeCode(null)).isFalse();
    }
}

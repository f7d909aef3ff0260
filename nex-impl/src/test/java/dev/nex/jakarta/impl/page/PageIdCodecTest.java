package dev.nex.jakarta.impl.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** SPEC 3.1, 3.3: id form, uniqueness, and telling our ids from others. */
class PageIdCodecTest {

    private final PageIdCodec ids = new PageIdCodec();

    @Test
    void mintedIdsAreUrlSafeUniqueAndCheckAsOurs() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.mint(1_800_000_000L);
            assertTrue(id.matches("[A-Za-z0-9_-]{" + PageIdCodec.LENGTH + "}"), id);
            assertTrue(seen.add(id));
            PageIdCodec.PresentedId presented = ids.check(id);
            assertTrue(presented.ours());
            assertEquals(1_800_000_000L, presented.mintedSecond());
        }
    }

    @Test
    void idsOfAnotherInstanceOrTamperedAreWellFormedButNotOurs() {
        String foreign = new PageIdCodec().mint(1_800_000_000L);
        assertFalse(ids.check(foreign).ours());
        String mine = ids.mint(1_800_000_000L);
        char swapped = mine.charAt(0) == 'A' ? 'B' : 'A';
        assertFalse(ids.check(swapped + mine.substring(1)).ours());
    }

    @Test
    void malformedIdsAreRejected() {
        String valid = ids.mint(1_800_000_000L);
        for (String bad : new String[]{null, "", valid.substring(1), valid + "A", valid.replace(valid.charAt(5), '+'),
                valid.substring(0, 49) + "=", "x".repeat(65)}) {
            assertThrows(MalformedPageIdException.class, () -> ids.check(bad), String.valueOf(bad));
        }
    }

    @Test
    void onlyTheCanonicalSpellingOfAnIdIsAccepted() {
        String valid = ids.mint(1_800_000_000L);
        char last = valid.charAt(PageIdCodec.LENGTH - 1);
        // the last character carries 2 bits; its other spellings decode to the same bytes
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(last);
        String sameBytes = valid.substring(0, PageIdCodec.LENGTH - 1) + alphabet.charAt(index ^ 1);
        assertThrows(MalformedPageIdException.class, () -> ids.check(sameBytes));
    }
}

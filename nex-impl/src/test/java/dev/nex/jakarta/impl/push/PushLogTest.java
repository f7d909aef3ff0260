package dev.nex.jakarta.impl.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** SPEC 12.4: a page's push buffer as the grid keeps it, written and read back, appended to, held, ended. */
class PushLogTest {

    @Test
    void aLogReadsBackAsWritten() {
        PushLog log = PushLog.EMPTY.append("progress", "<p>1,\n2:3</p>", 4).log()
                .append("é:", "", 4).log().heldBy("node-a").taken(1);
        PushLog read = PushLog.decode(log.encode());
        assertEquals(log, read);
        assertEquals(List.of(new PushedEvent(1, "progress", "<p>1,\n2:3</p>"), new PushedEvent(2, "é:", "")),
                read.events());
        assertEquals(PushLog.EMPTY, PushLog.decode(null));
        assertEquals(PushLog.EMPTY, PushLog.decode(PushLog.EMPTY.encode()));
    }

    @Test
    void appendsNumberInOrderAndDropTheOldestBeyondTheCapacity() {
        PushLog log = PushLog.EMPTY;
        boolean dropped = false;
        for (int i = 1; i <= 3; i++) {
            PushLog.Appended appended = log.append("a", String.valueOf(i), 2);
            log = appended.log();
            dropped = appended.dropped();
        }
        assertEquals(3, log.lastSequence());
        assertEquals(List.of(2L, 3L), log.events().stream().map(PushedEvent::sequence).toList());
        assertTrue(dropped, "event 1 left before any stream took it");
        assertFalse(log.taken(3).append("a", "4", 2).dropped(), "event 2 was taken");
    }

    @Test
    void onlyTheHolderReleasesAndEndingKeepsTheEvents() {
        PushLog held = PushLog.EMPTY.append("a", "1", 4).log().heldBy("node-a");
        assertEquals("node-a", held.releasedBy("node-b").holder());
        assertEquals("", held.releasedBy("node-a").holder());
        PushLog ended = held.ending();
        assertTrue(ended.ended());
        assertEquals(held.events(), ended.events());
        assertEquals(1, held.taken(1).taken(0).takenUpTo(), "taken never goes back");
    }
}

package io.sangdam.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HistoryImportTests {

    @Test
    void readsOneIntervalPerLineWithOptionalHandlingTime() throws IOException {
        var result = HistoryImport.read(new StringReader("""
            queue,interval_start,contacts,aht_seconds
            billing,2026-11-23 09:30,142,238.5
            BILLING,2026-11-23T10:00,150,
            TECH,2026-11-23 10:00:00,7
            """), 30);
        assertThat(result.accepted()).isTrue();
        assertThat(result.records()).hasSize(3);
        assertThat(result.records().getFirst().queueCode()).isEqualTo("BILLING");
        assertThat(result.records().getFirst().intervalStart()).isEqualTo(LocalDateTime.of(2026, 11, 23, 9, 30));
        assertThat(result.records().getFirst().handlingSeconds()).isEqualTo(238.5);
        assertThat(result.records().get(1).handlingSeconds()).isNull();
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndAcceptsNothing() throws IOException {
        var result = HistoryImport.read(new StringReader("""
            queue,interval_start,contacts,aht_seconds
            BILLING,2026-11-23 09:30,142,238.5
            BILLING,23/11/2026 10:00,150,200
            BILLING,2026-11-23 10:10,150,200
            BILLING,2026-11-23 10:30,-1,200
            BILLING,2026-11-23 11:00,12,0
            BILL ING,2026-11-23 11:30,12,100
            BILLING,2026-11-23 09:30,1,100
            BILLING,2026-11-23 12:00
            """), 30);
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(HistoryImport.Problem::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(result.problems())
                .extracting(HistoryImport.Problem::messageKey)
                .containsExactly(
                        "history.problem.time",
                        "history.problem.boundary",
                        "history.problem.contacts",
                        "history.problem.aht",
                        "history.problem.queue",
                        "history.problem.duplicate",
                        "history.problem.columns");
    }

    @Test
    void refusesAFileWithoutTheHeaderOrWithoutRows() throws IOException {
        assertThat(HistoryImport.read(new StringReader("BILLING,2026-11-23 09:30,1\n"), 30)
                        .problems())
                .extracting(HistoryImport.Problem::messageKey)
                .containsExactly("history.problem.header");
        assertThat(HistoryImport.read(new StringReader(""), 30).accepted()).isFalse();
        assertThat(HistoryImport.read(new StringReader("queue,interval_start,contacts\n\n"), 30)
                        .problems())
                .extracting(HistoryImport.Problem::messageKey)
                .containsExactly("history.problem.empty");
    }

    @Test
    void acceptsAByteOrderMarkFromExcel() throws IOException {
        assertThat(HistoryImport.read(
                                new StringReader("\uFEFFqueue,interval_start,contacts\nA,2026-11-23 09:00,1\n"), 30)
                        .accepted())
                .isTrue();
    }
}

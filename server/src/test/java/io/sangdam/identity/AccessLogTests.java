package io.sangdam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.platform.RequestRejected;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@ApplicationModuleTest
class AccessLogTests {

    private final PersonalDataAccess access;
    private final AccessLog log;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    AccessLogTests(PersonalDataAccess access, AccessLog log, Accounts accounts, JdbcClient jdbc) {
        this.access = access;
        this.log = log;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void signInAsSupervisor() {
        Account supervisor = accounts.findByUsername("gn.supervisor").orElseThrow();
        var principal = new SignedInUser(supervisor.asCurrentUser(), "", true, null, Instant.now());
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordsWhoReadWhoseDataForWhichTask() {
        access.record(new DataSubject(DataSubjectType.CUSTOMER, "C-TEST-1", "김*수"), AccessTask.VIEW, null);
        access.record(
                new DataSubject(DataSubjectType.CUSTOMER, "C-TEST-1", "김*수"), AccessTask.UNMASK, "  본인 확인 후 회신  ");

        var entries = log.search(
                        new AccessLog.Filter(null, DataSubjectType.CUSTOMER, "C-TEST-1", null, null, null), 0, 10)
                .rows();
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("gn.supervisor");
            assertThat(e.subjectLabel()).isEqualTo("김*수");
        });
        assertThat(entries)
                .extracting(AccessLogEntry::task)
                .containsExactlyInAnyOrder(AccessTask.VIEW, AccessTask.UNMASK);
        assertThat(entries)
                .filteredOn(e -> e.task() == AccessTask.UNMASK)
                .extracting(AccessLogEntry::reason)
                .containsExactly("본인 확인 후 회신");
    }

    @Test
    void unmaskingOrDownloadingWithoutReasonIsRefusedAndNotLogged() {
        for (AccessTask task : Set.of(AccessTask.UNMASK, AccessTask.DOWNLOAD, AccessTask.EXPORT)) {
            assertThatThrownBy(() ->
                            access.record(new DataSubject(DataSubjectType.CUSTOMER, "C-TEST-2", null), task, "  "))
                    .isInstanceOfSatisfying(
                            RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        }
        assertThat(log.search(new AccessLog.Filter(null, null, "C-TEST-2", null, null, null), 0, 10)
                        .total())
                .isZero();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        access.record(new DataSubject(DataSubjectType.CUSTOMER, "C-TEST-3", null), AccessTask.VIEW, null);

        assertThatThrownBy(() -> jdbc.sql(
                                "update identity.personal_data_access set reason = 'x' where subject_id = 'C-TEST-3'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from identity.personal_data_access where subject_id = 'C-TEST-3'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("truncate identity.personal_data_access").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(log.search(new AccessLog.Filter(null, null, "C-TEST-3", null, null, null), 0, 10)
                        .total())
                .isEqualTo(1);
    }

    @Test
    void theSubjectTypeFilterIsAChoiceOfKnownKinds() {
        access.record(new DataSubject(DataSubjectType.LEFT_MESSAGE, "TYPE-FILTER-1", "박*진"), AccessTask.VIEW, null);
        access.record(new DataSubject(DataSubjectType.CUSTOMER, "TYPE-FILTER-1", "박*진"), AccessTask.VIEW, null);

        var leftMessages = log.search(
                        new AccessLog.Filter(
                                null, DataSubjectType.parse("left-message"), "TYPE-FILTER-1", null, null, null),
                        0,
                        10)
                .rows();
        assertThat(leftMessages).singleElement().satisfies(entry -> {
            assertThat(entry.subjectKind()).isEqualTo(DataSubjectType.LEFT_MESSAGE);
            assertThat(entry.subjectIdKey()).isEqualTo("data-subject.left-message.id");
        });
        assertThat(DataSubjectType.parse("CUSTOMER")).isEqualTo(DataSubjectType.CUSTOMER);
        assertThat(DataSubjectType.parse(" ")).isNull();
        assertThatThrownBy(() -> DataSubjectType.parse("customer' or '1'='1"))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo("unknown-subject-type"));
    }
}

package io.sangdam.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.platform.RequestRejected;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class CustomerDirectoryTests {

    private final CustomerDirectory directory;
    private final JdbcClient jdbc;

    CustomerDirectoryTests(CustomerDirectory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Test
    @WithUserDetails("gn.agent")
    void searchResultsAreMaskedAndFindByLastFourDigits() {
        var customer = directory.search("C0000001").getFirst();
        assertThat(customer.name()).contains("*");
        String lastFour = customer.mobilePhone().substring(customer.mobilePhone().length() - 4);
        assertThat(directory.search(lastFour)).extracting(MaskedCustomer::customerNumber).contains("C0000001");
        assertThat(directory.search(lastFour)).allSatisfy(c -> assertThat(c.mobilePhone()).contains("****"));
    }

    @Test
    @WithUserDetails("gn.agent")
    void openingACustomerIsWrittenToTheAccessLog() {
        long before = accessLogRows("C0000002");
        directory.view(idOf("C0000002"));
        assertThat(accessLogRows("C0000002")).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("gn.agent")
    void agentsCannotUnmask() {
        assertThatThrownBy(() -> directory.unmask(idOf("C0000003"), "고객 요청"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("gn.supervisor")
    void supervisorsUnmaskWithAReasonThatIsLogged() {
        assertThatThrownBy(() -> directory.unmask(idOf("C0000004"), ""))
                .isInstanceOfSatisfying(RequestRejected.class, r -> assertThat(r.code()).isEqualTo("reason-required"));
        var customer = directory.unmask(idOf("C0000004"), "주소 변경 요청 본인 확인");
        assertThat(customer.name()).doesNotContain("*");
        assertThat(jdbc.sql("select reason from identity.personal_data_access where subject_id = 'C0000004' and task = 'UNMASK'")
                .query(String.class).list()).containsExactly("주소 변경 요청 본인 확인");
    }

    private long idOf(String customerNumber) {
        return jdbc.sql("select id from contact.customer where customer_number = ?").param(customerNumber)
                .query(Long.class).single();
    }

    private long accessLogRows(String customerNumber) {
        return jdbc.sql("select count(*) from identity.personal_data_access where subject_id = ?").param(customerNumber)
                .query(Long.class).single();
    }
}

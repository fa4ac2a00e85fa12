package io.sangdam.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The people working in the centers, as other modules may read them. */
@Service
public class Staff {

    private final Accounts accounts;

    Staff(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<StaffMember> find(long id) {
        return accounts.find(id).map(Account::asStaffMember);
    }

    public Optional<StaffMember> findByUsername(String username) {
        return accounts.findByUsername(username).map(Account::asStaffMember);
    }

    public List<StaffMember> inCenter(long centerId) {
        return accounts.inCenter(centerId).stream().map(Account::asStaffMember).toList();
    }

    public List<StaffMember> withRole(Role role) {
        return accounts.withRole(role).stream().map(Account::asStaffMember).toList();
    }
}

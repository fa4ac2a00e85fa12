package io.sangdam.contact;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Customers {

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> find(long id) {
        return jdbc.sql("select * from contact.customer where id = ?")
                .param(id)
                .query(Customers::map)
                .optional();
    }

    /**
     * Finds customers the way an agent asks on the phone: by customer number, by the last four
     * digits of the mobile phone, by the whole phone number, or by name (prefix).
     */
    List<Customer> search(String query, int limit) {
        String text = query.strip();
        String digits = text.replaceAll("[^0-9]", "");
        if (text.toUpperCase().startsWith("C") && digits.length() >= 3) {
            return jdbc.sql("select * from contact.customer where customer_number = upper(?) limit ?")
                    .params(text, limit)
                    .query(Customers::map)
                    .list();
        }
        if (digits.length() == 4 && digits.length() == text.length()) {
            return jdbc.sql("""
                select * from contact.customer
                 where right(regexp_replace(mobile_phone, '[^0-9]', '', 'g'), 4) = ? order by name, id limit ?\
                """).params(digits, limit).query(Customers::map).list();
        }
        if (digits.length() >= 9
                && digits.length() >= text.replaceAll("[\\s-]", "").length()) {
            return jdbc.sql("select * from contact.customer where regexp_replace(mobile_phone, '[^0-9]', '', 'g') = ?"
                            + " limit ?")
                    .params(digits, limit)
                    .query(Customers::map)
                    .list();
        }
        return jdbc.sql("select * from contact.customer where name like ? order by name, id limit ?")
                .params(text.replace("%", "").replace("_", "") + "%", limit)
                .query(Customers::map)
                .list();
    }

    /** Customers whose mobile phone has exactly these digits (the number as typed, separators dropped). */
    List<Customer> withPhoneDigits(String digits, int limit) {
        return jdbc.sql("select * from contact.customer where regexp_replace(mobile_phone, '[^0-9]', '', 'g') = ?"
                        + " order by id limit ?")
                .params(digits, limit)
                .query(Customers::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from contact.customer")
                .query(Long.class)
                .single();
    }

    void add(Customer customer) {
        jdbc.sql("""
            insert into contact.customer (customer_number, name, mobile_phone, email, birth_date, grade, senior,
                accessibility) values (?, ?, ?, ?, ?, ?, ?, ?)\
            """)
                .params(
                        customer.customerNumber(),
                        customer.name(),
                        customer.mobilePhone(),
                        customer.email(),
                        customer.birthDate() == null ? null : Date.valueOf(customer.birthDate()),
                        customer.grade().name(),
                        customer.senior(),
                        customer.accessibility())
                .update();
    }

    private static Customer map(ResultSet row, int number) throws SQLException {
        Date birth = row.getDate("birth_date");
        return new Customer(
                row.getLong("id"),
                row.getString("customer_number"),
                row.getString("name"),
                row.getString("mobile_phone"),
                row.getString("email"),
                birth == null ? null : birth.toLocalDate(),
                CustomerGrade.valueOf(row.getString("grade")),
                row.getBoolean("senior"),
                row.getBoolean("accessibility"));
    }
}

package org.vendinghub.xmlvend;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.ConflictException;
import org.vendinghub.ledger.ResultCode;
import org.vendinghub.ledger.vendor.VendorService;
import org.vendinghub.security.CheckedSecrets;
import org.vendinghub.xmlvend.ws.base.AuthCred;
import org.vendinghub.xmlvend.ws.base.BaseReq;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The vending clients allowed to call the XMLVend server: each is registered to one vendor (whose float pays its
 * sales), with its terminals and its operators (authCred, bcrypt), and may be limited to some operations.
 */
@Service
public class XmlVendClients {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final VendorService vendors;
    private final Clock clock;
    // an operator sends its password with every request: bcrypt checks it once, then an HMAC does (see CheckedSecrets)
    private final CheckedSecrets secrets;

    XmlVendClients(JdbcTemplate jdbc, PasswordEncoder passwords, VendorService vendors, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.vendors = vendors;
        this.clock = clock;
        this.secrets = new CheckedSecrets(passwords);
    }

    /** The WSDL operations a client may be limited to. */
    public static final Set<String> OPERATIONS = Set.of("ConfirmCustomerRequest", "CreditVendRequest", "TrialCreditVendRequest",
            "AdviceRequest", "ReprintRequest", "FBERequest", "ClearCreditRequest", "ClearTamperRequest", "PowerLimitRequest",
            "UpdateMeterKeyRequest");

    /** A terminal or an operator of a client, as the administration sees it (never a password). */
    public record Member(String id, boolean enabled) {
    }

    /** A registered client as the administration sees it (never with a password). */
    public record Client(String clientId, long vendorId, String name, boolean enabled, Set<String> allowedOperations,
                         String certSubject) {
    }

    /**
     * Registers a client. {@code allowedOperations}: WSDL operation names (CreditVendRequest, AdviceRequest…), or
     * null / empty for all.
     */
    @Transactional
    public Client register(String clientId, long vendorId, String name, Set<String> allowedOperations, String certSubject) {
        ValidationException.require(clientId != null && clientId.matches("[0-9A-Za-z._-]{1,40}"), "clientId",
                "clientId must be the client's EAN (13 digits) or an id of 1 to 40 letters, digits, '.', '_' or '-'");
        ValidationException.require(name != null && !name.isBlank() && name.length() <= 100, "name", "name must be 1 to 100 characters");
        vendors.vendor(vendorId); // NotFoundException for an unknown vendor
        ValidationException.require(allowedOperations == null || OPERATIONS.containsAll(allowedOperations), "allowedOperations",
                "allowed operations are WSDL operation names: " + String.join(", ", new java.util.TreeSet<>(OPERATIONS)));
        ValidationException.require(certSubject == null || certSubject.length() <= 300, "certSubject", "certSubject must be at most 300 characters");
        String ops = allowedOperations == null || allowedOperations.isEmpty() ? null : String.join(",", allowedOperations);
        try {
            jdbc.update("INSERT INTO xmlvend_client (client_id, vendor_id, name, enabled, allowed_operations, cert_subject, created_at) "
                    + "VALUES (?, ?, ?, TRUE, ?, ?, ?)", clientId, vendorId, name, ops, certSubject, Instant.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ResultCode.ALREADY_EXISTS, "XMLVend client " + clientId + " is already registered");
        }
        return client(clientId);
    }

    @Transactional
    public void addTerminal(String clientId, String terminalId) {
        ValidationException.require(terminalId != null && !terminalId.isBlank() && terminalId.length() <= 40, "terminalId",
                "terminalId must be 1 to 40 characters");
        client(clientId);
        jdbc.update("INSERT INTO xmlvend_terminal (client_id, terminal_id, enabled) VALUES (?, ?, TRUE) "
                + "ON DUPLICATE KEY UPDATE enabled = TRUE", clientId, terminalId);
    }

    /** Adds an operator or sets a new password for an existing one. Only the bcrypt hash is stored. */
    @Transactional
    public void setOperator(String clientId, String opName, String password) {
        ValidationException.require(opName != null && !opName.isBlank() && opName.length() <= 40, "opName", "opName must be 1 to 40 characters");
        ValidationException.require(password != null && password.length() >= 8 && password.length() <= 40, "password",
                "password must be 8 to 40 characters");
        client(clientId);
        jdbc.update("INSERT INTO xmlvend_operator (client_id, op_name, password_hash, enabled) VALUES (?, ?, ?, TRUE) "
                + "ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), enabled = TRUE", clientId, opName, passwords.encode(password));
    }

    /** Enables or disables one terminal of the client (a disabled terminal is refused with ClientIDAuthorisationEx). */
    @Transactional
    public void setTerminalEnabled(String clientId, String terminalId, boolean enabled) {
        requireMember("xmlvend_terminal", "terminal_id", clientId, terminalId, "terminal");
        jdbc.update("UPDATE xmlvend_terminal SET enabled = ? WHERE client_id = ? AND terminal_id = ?", enabled, clientId, terminalId);
    }

    /** Enables or disables one operator of the client (a disabled operator is refused with RequestAuthorisationEx). */
    @Transactional
    public void setOperatorEnabled(String clientId, String opName, boolean enabled) {
        requireMember("xmlvend_operator", "op_name", clientId, opName, "operator");
        jdbc.update("UPDATE xmlvend_operator SET enabled = ? WHERE client_id = ? AND op_name = ?", enabled, clientId, opName);
    }

    private static Client clientRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Client(rs.getString("client_id"), rs.getLong("vendor_id"), rs.getString("name"), rs.getBoolean("enabled"),
                operations(rs.getString("allowed_operations")), rs.getString("cert_subject"));
    }

    public List<Client> clientsOfVendor(long vendorId) {
        return jdbc.query("SELECT * FROM xmlvend_client WHERE vendor_id = ? ORDER BY client_id", XmlVendClients::clientRow, vendorId);
    }

    public List<Member> terminals(String clientId) {
        return jdbc.query("SELECT terminal_id, enabled FROM xmlvend_terminal WHERE client_id = ? ORDER BY terminal_id",
                (rs, i) -> new Member(rs.getString(1), rs.getBoolean(2)), clientId);
    }

    public List<Member> operators(String clientId) {
        return jdbc.query("SELECT op_name, enabled FROM xmlvend_operator WHERE client_id = ? ORDER BY op_name",
                (rs, i) -> new Member(rs.getString(1), rs.getBoolean(2)), clientId);
    }

    private void requireMember(String table, String column, String clientId, String id, String what) {
        client(clientId);
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE client_id = ? AND " + column + " = ?", Integer.class,
                clientId, id);
        if (n == null || n == 0) {
            throw org.vendinghub.ledger.NotFoundException.of(what + " " + id + " of XMLVend client", clientId);
        }
    }

    @Transactional
    public void setEnabled(String clientId, boolean enabled) {
        client(clientId);
        jdbc.update("UPDATE xmlvend_client SET enabled = ? WHERE client_id = ?", enabled, clientId);
    }

    public Client client(String clientId) {
        List<Client> found = jdbc.query("SELECT * FROM xmlvend_client WHERE client_id = ?", XmlVendClients::clientRow, clientId);
        if (found.isEmpty()) {
            throw org.vendinghub.ledger.NotFoundException.of("XMLVend client", clientId);
        }
        return found.get(0);
    }

    /** The client, if it sells on this vendor's float; NotFoundException otherwise, as for an unknown client. */
    public Client clientOfVendor(long vendorId, String clientId) {
        Client client = client(clientId);
        if (client.vendorId() != vendorId) {
            throw org.vendinghub.ledger.NotFoundException.of("XMLVend client " + clientId + " of vendor", vendorId);
        }
        return client;
    }

    /**
     * Who sent {@code req} for {@code operation}, or a fault: ClientIDAuthorisationEx for an unknown or disabled client
     * or terminal or the wrong TLS certificate; RequestAuthorisationEx for wrong operator credentials or an operation
     * the client may not use.
     */
    XmlVendCaller authenticate(BaseReq req, String operation, String tlsSubject) {
        String clientId = XmlVendWire.deviceId(req.getClientID());
        String terminalId = XmlVendWire.deviceId(req.getTerminalID());
        List<Client> found = jdbc.query("SELECT * FROM xmlvend_client WHERE client_id = ?", XmlVendClients::clientRow, clientId);
        if (found.isEmpty() || !found.get(0).enabled()) {
            throw refused(XmlVendFaultType.CLIENT_ID_AUTHORISATION, "UNKNOWN_CLIENT", "client " + clientId
                    + " is not registered on this server (or is disabled): ask the utility to register it");
        }
        Client client = found.get(0);
        if (client.certSubject() != null && !client.certSubject().equals(tlsSubject)) {
            throw refused(XmlVendFaultType.CLIENT_ID_AUTHORISATION, "CLIENT_CERTIFICATE", "client " + clientId
                    + " must call with its registered TLS client certificate");
        }
        if (!terminalEnabled(clientId, terminalId)) {
            throw refused(XmlVendFaultType.CLIENT_ID_AUTHORISATION, "UNKNOWN_TERMINAL", "terminal " + terminalId
                    + " is not registered for client " + clientId + " (or is disabled)");
        }
        String operator = checkOperator(clientId, req.getAuthCred());
        if (!client.allowedOperations().isEmpty() && !client.allowedOperations().contains(operation)) {
            throw refused(XmlVendFaultType.REQUEST_AUTHORISATION, "OPERATION_NOT_ALLOWED", "client " + clientId
                    + " may not use " + operation + "; allowed: " + String.join(", ", client.allowedOperations()));
        }
        return new XmlVendCaller(clientId, terminalId, operator, client.vendorId());
    }

    private boolean terminalEnabled(String clientId, String terminalId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM xmlvend_terminal WHERE client_id = ? AND terminal_id = ? AND enabled",
                Integer.class, clientId, terminalId);
        return n != null && n > 0;
    }

    private String checkOperator(String clientId, AuthCred cred) {
        if (cred == null) {
            throw refused(XmlVendFaultType.REQUEST_AUTHORISATION, "CREDENTIALS_REQUIRED",
                    "authCred (opName and password) is required on this server");
        }
        List<String> hashes = jdbc.queryForList("SELECT password_hash FROM xmlvend_operator WHERE client_id = ? AND op_name = ? AND enabled",
                String.class, clientId, cred.getOpName());
        if (!secrets.matches(clientId + '\0' + cred.getOpName(), cred.getPassword(), hashes.isEmpty() ? null : hashes.get(0))) {
            throw refused(XmlVendFaultType.REQUEST_AUTHORISATION, "BAD_CREDENTIALS",
                    "operator " + cred.getOpName() + " or the password is wrong for client " + clientId);
        }
        return cred.getOpName();
    }

    private static XmlVendException refused(XmlVendFaultType type, String code, String desc) {
        return new XmlVendException(type, code, desc);
    }

    private static Set<String> operations(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}

package org.vendinghub.xmlvend;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.audit.AuditLog;

import java.util.Set;

/**
 * The audited changes to a vendor's XMLVend clients, shared by the administration API and the console so the audit
 * trail reads the same whichever door a change came through. Each change first checks that the client belongs to the
 * vendor (NotFoundException otherwise); whether the user may reach the vendor at all is the caller's check.
 */
@Service
public class XmlVendClientChanges {

    private final XmlVendClients clients;
    private final AuditLog audit;

    XmlVendClientChanges(XmlVendClients clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @Transactional
    public XmlVendClients.Client register(long vendorId, String clientId, String name, Set<String> allowedOperations,
                                         String certSubject, String actor) {
        XmlVendClients.Client client = clients.register(clientId, vendorId, name, allowedOperations, certSubject);
        audit.record(actor, "XMLVEND_CLIENT_REGISTERED", subject(clientId), "vendor " + vendorId + ", " + client.name()
                + (client.allowedOperations().isEmpty() ? "" : ", only " + client.allowedOperations()));
        return client;
    }

    @Transactional
    public void setEnabled(long vendorId, String clientId, boolean enabled, String actor) {
        clients.clientOfVendor(vendorId, clientId);
        clients.setEnabled(clientId, enabled);
        audit.record(actor, enabled ? "XMLVEND_CLIENT_ENABLED" : "XMLVEND_CLIENT_DISABLED", subject(clientId), "");
    }

    /** Adds the terminal, or enables it again when it is known. */
    @Transactional
    public void enableTerminal(long vendorId, String clientId, String terminalId, String actor) {
        clients.clientOfVendor(vendorId, clientId);
        clients.addTerminal(clientId, terminalId);
        audit.record(actor, "XMLVEND_TERMINAL_ENABLED", subject(clientId), "terminal " + terminalId);
    }

    @Transactional
    public void disableTerminal(long vendorId, String clientId, String terminalId, String actor) {
        clients.clientOfVendor(vendorId, clientId);
        clients.setTerminalEnabled(clientId, terminalId, false);
        audit.record(actor, "XMLVEND_TERMINAL_DISABLED", subject(clientId), "terminal " + terminalId);
    }

    /** Adds the operator or sets a new password (which also enables it); the password goes into no audit detail. */
    @Transactional
    public void setOperator(long vendorId, String clientId, String opName, String password, String actor) {
        clients.clientOfVendor(vendorId, clientId);
        clients.setOperator(clientId, opName, password);
        audit.record(actor, "XMLVEND_OPERATOR_SET", subject(clientId), "operator " + opName);
    }

    @Transactional
    public void disableOperator(long vendorId, String clientId, String opName, String actor) {
        clients.clientOfVendor(vendorId, clientId);
        clients.setOperatorEnabled(clientId, opName, false);
        audit.record(actor, "XMLVEND_OPERATOR_DISABLED", subject(clientId), "operator " + opName);
    }

    private static String subject(String clientId) {
        return "xmlvend:" + clientId;
    }
}

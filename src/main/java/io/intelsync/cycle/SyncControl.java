package io.intelsync.cycle;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own MBean, {@value #OBJECT_NAME}, next to the MBeans that Camel registers for its routes.
 */
public final class SyncControl implements SyncControlMBean {

    /** The JMX name of the MBean. */
    public static final String OBJECT_NAME = "io.intelsync:type=SyncControl";

    private static final Logger LOG = LoggerFactory.getLogger(SyncControl.class);

    private final SyncCycles cycles;
    private final Runnable fullReadRequest;
    private final Runnable deleteConfirmation;
    private ObjectName registeredName;

    public SyncControl(SyncCycles cycles, Runnable fullReadRequest, Runnable deleteConfirmation) {
        this.cycles = cycles;
        this.fullReadRequest = fullReadRequest;
        this.deleteConfirmation = deleteConfirmation;
    }

    @Override
    public String getLastCycleStatus() {
        CycleReport report = cycles.lastReport();
        return report == null ? "none" : report.status().label();
    }

    @Override
    public String getLastCycleSummary() {
        CycleReport report = cycles.lastReport();
        return report == null ? "" : report.summaryLine();
    }

    @Override
    public void requestFullRead() {
        LOG.info("Full read requested over JMX");
        fullReadRequest.run();
    }

    @Override
    public void confirmDeletes() {
        LOG.warn("Deletions above the configured share confirmed over JMX for the next cycle");
        deleteConfirmation.run();
    }

    /** Registers the MBean with the platform MBean server, replacing one left by an earlier service in this JVM. */
    public synchronized void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            registeredName = name;
        } catch (JMException ex) {
            LOG.warn("Could not register the JMX MBean {}: {}", OBJECT_NAME, ex.toString());
        }
    }

    /** Removes the MBean from the platform MBean server. */
    public synchronized void unregister() {
        if (registeredName == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredName);
        } catch (JMException ex) {
            LOG.debug("MBean {} was already removed: {}", registeredName, ex.toString());
        }
        registeredName = null;
    }
}

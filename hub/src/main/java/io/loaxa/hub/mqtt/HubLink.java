package io.loaxa.hub.mqtt;

import io.loaxa.hub.Delivery;
import io.loaxa.hub.FiledAcks;
import io.loaxa.hub.Outbound;
import io.loaxa.hub.StationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's one MQTT session. Connecting is retried in the background until the broker answers
 * (broker down at start), and Paho reconnects on its own after that; each outage is logged once
 * when it starts and once when it ends. Filed acks go on a thread of their own, one commit's acks
 * at once, so the ingest never waits for the broker's answer to them; when the broker does not take
 * them (away, or over a thousand commits behind) that is logged once until they go again, and the
 * stations send those rows again.
 */
public final class HubLink implements Outbound, FiledAcks, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HubLink.class);
  public static final String CLIENT_ID = "loaxa-hub";
  public static final String STATIONS = "loaxa/v1/station/+/#";

  /** Where the broker is and who the hub is there. */
  public record Settings(String url, String user, String password, Optional<Path> caFile, String clientId) {}

  private final Settings settings;
  private final MqttClient client;
  private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "hub-mqtt-connect");
    t.setDaemon(true);
    return t;
  });
  private final ExecutorService filer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(1000), r -> {
        Thread t = new Thread(r, "hub-mqtt-filed");
        t.setDaemon(true);
        return t;
      }, (r, pool) -> filedLost("too many commits waiting for the broker"));
  private volatile boolean filedFailing;
  private volatile boolean down;
  private volatile boolean closed;

  /** @throws IOException when the broker url is not one Paho can use */
  public HubLink(Settings settings) throws IOException {
    this.settings = settings;
    try {
      this.client = new MqttClient(settings.url(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new IOException("broker url '" + settings.url() + "': " + e.getMessage(), e);
    }
  }

  /** Connects (now or when the broker appears) and hands every station message to {@code inbox}, unacknowledged. */
  public void start(Consumer<Delivery> inbox) throws IOException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setAutomaticReconnect(true);
    o.setMaxReconnectDelay(30_000);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout(10);
    o.setMaxInflight(1000);
    if (!settings.user().isEmpty()) {
      o.setUserName(settings.user());
      o.setPassword(settings.password().toCharArray());
    }
    if (settings.caFile().isPresent()) {
      o.setSocketFactory(trusting(settings.caFile().get()).getSocketFactory());
    }
    client.setManualAcks(true);
    client.setCallback(new MqttCallbackExtended() {
      @Override
      public void connectComplete(boolean reconnect, String serverURI) {
        if (down) {
          down = false;
          LOG.info("the broker {} answers again", serverURI);
        } else {
          LOG.info("connected to the broker {}", serverURI);
        }
        connector.execute(() -> subscribe());
      }

      @Override
      public void connectionLost(Throwable cause) {
        if (!down) {
          down = true;
          LOG.warn("lost the broker {}: {} (messages wait there for the hub)", settings.url(), cause.getMessage());
        }
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        int id = message.getId();
        int qos = message.getQos();
        inbox.accept(new Delivery(topic, message.getPayload(), () -> ack(id, qos)));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // each command's completion is awaited on its token where it is sent
      }
    });
    connector.execute(() -> connect(o));
  }

  private void connect(MqttConnectOptions o) {
    if (closed || client.isConnected()) {
      return;
    }
    try {
      client.connect(o);
    } catch (MqttException e) {
      if (!down) {
        down = true;
        LOG.warn("cannot reach the broker {}: {}; trying again every 5 s", settings.url(), e.getMessage());
      }
      connector.schedule(() -> connect(o), 5, TimeUnit.SECONDS);
    }
  }

  private void subscribe() {
    try {
      client.subscribe(STATIONS, 1);
    } catch (MqttException e) {
      LOG.warn("cannot subscribe to {}: {}", STATIONS, e.getMessage());
    }
  }

  private void ack(int id, int qos) {
    try {
      client.messageArrivedComplete(id, qos);
    } catch (MqttException e) {
      // the broker sends it again on the next connection; the store files it once
      LOG.debug("ack of message {} not sent: {}", id, e.getMessage());
    }
  }

  public boolean connected() {
    return client.isConnected();
  }

  /**
   * Publishes at QoS 1 and returns once the broker acknowledged it.
   *
   * @throws MqttException when the broker is away or does not acknowledge in time
   */
  public void publish(String topic, byte[] body) throws MqttException {
    MqttMessage m = new MqttMessage(body);
    m.setQos(1);
    m.setRetained(false);
    client.getTopic(topic).publish(m).waitForCompletion(10_000);
  }

  @Override
  public boolean send(StationKey station, byte[] envelope) {
    if (!client.isConnected()) {
      return false;
    }
    try {
      publish("loaxa/v1/hub/" + station.value() + "/command", envelope);
      return true;
    } catch (MqttException e) {
      LOG.debug("command to {} not sent: {}", station, e.getMessage());
      return false;
    }
  }

  /**
   * Publishes every envelope at once (Paho keeps them in flight together, up to the session's
   * in-flight limit) and then waits, at most 10 s in all, for the broker's acknowledgements.
   */
  @Override
  public List<Boolean> sendAll(List<Envelope> envelopes) {
    List<Boolean> out = new ArrayList<>(Collections.nCopies(envelopes.size(), false));
    if (!client.isConnected()) {
      return out;
    }
    List<IMqttDeliveryToken> tokens = new ArrayList<>(envelopes.size());
    for (Envelope e : envelopes) {
      MqttMessage m = new MqttMessage(e.body());
      m.setQos(1);
      m.setRetained(false);
      try {
        tokens.add(client.getTopic("loaxa/v1/hub/" + e.station().value() + "/command").publish(m));
      } catch (MqttException x) {
        LOG.debug("command to {} not sent: {}", e.station(), x.getMessage());
        tokens.add(null);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (int i = 0; i < tokens.size(); i++) {
      IMqttDeliveryToken t = tokens.get(i);
      if (t == null) {
        continue;
      }
      try {
        t.waitForCompletion(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        out.set(i, t.isComplete() && t.getException() == null);
      } catch (MqttException x) {
        LOG.debug("command to {} not acknowledged: {}", envelopes.get(i).station(), x.getMessage());
      }
    }
    return out;
  }

  @Override
  public void send(List<FiledAcks.Ack> acks) {
    if (acks.isEmpty() || closed) {
      return;
    }
    filer.execute(() -> publishFiled(acks));
  }

  private void publishFiled(List<FiledAcks.Ack> acks) {
    if (!client.isConnected()) {
      filedLost("the broker is away");
      return;
    }
    List<IMqttDeliveryToken> tokens = new ArrayList<>(acks.size());
    try {
      for (FiledAcks.Ack a : acks) {
        MqttMessage m = new MqttMessage(a.body());
        m.setQos(1);
        m.setRetained(false);
        tokens.add(client.getTopic("loaxa/v1/hub/" + a.station().value() + "/filed").publish(m));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (IMqttDeliveryToken t : tokens) {
        t.waitForCompletion(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (!t.isComplete() || t.getException() != null) {
          filedLost("no ack from the broker in 10 s");
          return;
        }
      }
    } catch (MqttException e) {
      filedLost(e.getMessage());
      return;
    }
    if (filedFailing) {
      filedFailing = false;
      LOG.info("filed acks reach the stations again");
    }
  }

  private void filedLost(String why) {
    if (!filedFailing) {
      filedFailing = true;
      LOG.warn("filed acks to stations not sent ({}); those stations send the rows again after their resend delay", why);
    }
  }

  private static SSLContext trusting(Path ca) throws IOException {
    try (var in = Files.newInputStream(ca)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, (X509Certificate) cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(ca + " is not a CA certificate (PEM): " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    filer.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2_000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close: {}", e.getMessage());
    }
  }
}

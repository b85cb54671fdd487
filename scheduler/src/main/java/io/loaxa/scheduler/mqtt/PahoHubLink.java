package io.loaxa.scheduler.mqtt;

import io.loaxa.scheduler.uplink.HubLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HubLink} on Paho's asynchronous client. The first connection is tried on its own thread
 * with backoff (1 s doubling to a minute) until the broker answers; after that Paho reconnects by
 * itself. Messages in flight live in memory only: the station's outbox is the durable copy.
 */
public final class PahoHubLink implements HubLink {
  private static final Logger LOG = LoggerFactory.getLogger(PahoHubLink.class);
  private static final Duration ACK_WAIT = Duration.ofSeconds(10);
  private static final int MOST_RECONNECT_SECONDS = 60;

  /**
   * What the link needs.
   *
   * @param broker {@code ssl://HOST:PORT} or {@code tcp://127.0.0.1:PORT}
   * @param caFile the CA of the broker's certificate (PEM); used for ssl:// only
   * @param filedTopic where the hub says which rows it has filed
   * @param onlineTopic where the retained online flag goes, and the will
   * @param online the online flag's body for {@code true} and {@code false}, made when asked
   */
  public record Settings(String broker, String clientId, String user, Path passwordFile, Path caFile, String commandTopic,
      String filedTopic, String onlineTopic, java.util.function.Function<Boolean, byte[]> online) {
    /** The filed topic beside the command topic ({@code …/command} becomes {@code …/filed}). */
    public Settings(String broker, String clientId, String user, Path passwordFile, Path caFile, String commandTopic,
        String onlineTopic, java.util.function.Function<Boolean, byte[]> online) {
      this(broker, clientId, user, passwordFile, caFile, commandTopic,
          commandTopic.substring(0, commandTopic.lastIndexOf('/') + 1) + "filed", onlineTopic, online);
    }
  }

  private final Settings settings;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final Clock clock;
  private volatile boolean closed;
  private volatile boolean everConnected;
  private Thread connector;
  private Consumer<byte[]> commands = b -> { };
  private Consumer<byte[]> filed = b -> { };
  private Runnable connectedHook = () -> { };
  private Optional<String> outage = Optional.empty();

  private PahoHubLink(Settings settings, MqttAsyncClient client, MqttConnectOptions options, Clock clock) {
    this.settings = settings;
    this.client = client;
    this.options = options;
    this.clock = clock;
  }

  /**
   * Builds the link without connecting.
   *
   * @throws IOException when the password or CA file cannot be read, or the broker address is not one
   */
  public static PahoHubLink create(Settings settings, Clock clock) throws IOException {
    String password = Files.readString(settings.passwordFile(), StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      throw new IOException("the hub password file " + settings.passwordFile() + " is empty");
    }
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(MOST_RECONNECT_SECONDS * 1000);
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    options.setUserName(settings.user());
    options.setPassword(password.toCharArray());
    options.setMaxInflight(64);
    options.setWill(settings.onlineTopic(), settings.online().apply(false), 1, true);
    if (settings.broker().startsWith("ssl://")) {
      options.setSocketFactory(socketFactory(settings.caFile()));
      options.setHttpsHostnameVerificationEnabled(true);
    }
    try {
      MqttAsyncClient client = new MqttAsyncClient(settings.broker(), settings.clientId(), new MemoryPersistence());
      return new PahoHubLink(settings, client, options, clock);
    } catch (MqttException | IllegalArgumentException e) {
      throw new IOException("cannot use the hub broker " + settings.broker() + ": " + e.getMessage(), e);
    }
  }

  /** A TLS socket factory trusting exactly the CA in {@code caFile}. */
  static SSLSocketFactory socketFactory(Path caFile) throws IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IOException("no certificate in " + caFile);
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        trust.setCertificateEntry("hub-ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the hub CA " + caFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void start(Consumer<byte[]> commands, Consumer<byte[]> filed, Runnable connected) {
    if (connector != null) {
      return;
    }
    this.commands = commands;
    this.filed = filed;
    this.connectedHook = connected;
    client.setCallback(new MqttCallbackExtended() {
      @Override
      public void connectComplete(boolean reconnect, String serverUri) {
        everConnected = true;
        if (outage.isPresent()) {
          LOG.info("the hub broker {} is reachable again", serverUri);
          outage = Optional.empty();
        } else {
          LOG.info("connected to the hub broker {}", serverUri);
        }
        announce();
      }

      @Override
      public void connectionLost(Throwable cause) {
        if (!closed && outage.isEmpty()) {
          outage = Optional.of(String.valueOf(cause.getMessage()));
          LOG.warn("lost the hub broker ({}); reconnecting, the station airs on", cause.getMessage());
        }
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        if (topic.equals(settings.commandTopic())) {
          try {
            PahoHubLink.this.commands.accept(message.getPayload());
          } catch (RuntimeException e) {
            // thrown on to Paho: it drops the connection without acking, so the broker keeps the command
            LOG.error("could not store a command from the hub; the broker keeps it for the next connect", e);
            throw e;
          }
        } else if (topic.equals(settings.filedTopic())) {
          try {
            PahoHubLink.this.filed.accept(message.getPayload());
          } catch (RuntimeException e) {
            // a lost filed ack costs a resend, not a row: ack it and go on
            LOG.error("could not mark rows filed from the hub's ack; they go again after the resend delay", e);
          }
        }
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // publish() waits on its own token
      }
    });
    connector = new Thread(this::connectUntilUp, "hub-connect");
    connector.setDaemon(true);
    connector.start();
  }

  /** The first connection: Paho's automatic reconnect only starts after one succeeded. */
  private void connectUntilUp() {
    long backoff = 1000;
    while (!closed && !everConnected) {
      try {
        client.connect(options).waitForCompletion(options.getConnectionTimeout() * 1000L + 1000);
        return;
      } catch (MqttException e) {
        if (outage.isEmpty()) {
          outage = Optional.of(e.getMessage());
          LOG.warn("cannot reach the hub broker {} ({}); trying again with backoff, the station airs on",
              settings.broker(), e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoff = Math.min(backoff * 2, MOST_RECONNECT_SECONDS * 1000L);
    }
  }

  /** On every connect: subscribe again to commands and filed acks (the session keeps it, a new broker may not) and say online. */
  private void announce() {
    Thread t = new Thread(() -> {
      try {
        client.subscribe(new String[] {settings.commandTopic(), settings.filedTopic()}, new int[] {1, 1})
            .waitForCompletion(ACK_WAIT.toMillis());
        client.publish(settings.onlineTopic(), settings.online().apply(true), 1, true);
      } catch (MqttException e) {
        LOG.warn("could not subscribe to the hub's commands yet ({}); trying at the next connect", e.getMessage());
      }
      connectedHook.run();
    }, "hub-announce");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void publish(String topic, byte[] body, boolean retained) throws HubLinkException {
    try {
      IMqttDeliveryToken token = client.publish(topic, body, 1, retained);
      token.waitForCompletion(ACK_WAIT.toMillis());
      if (!token.isComplete() || token.getException() != null) {
        throw new HubLinkException("no ack from the broker in " + ACK_WAIT.toSeconds() + " s", token.getException());
      }
    } catch (MqttException e) {
      throw new HubLinkException(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()), e);
    }
  }

  @Override
  public boolean connected() {
    return client.isConnected();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (connector != null) {
      connector.interrupt();
    }
    try {
      if (client.isConnected()) {
        // an orderly goodbye: the will is only for a station that vanishes
        client.publish(settings.onlineTopic(), settings.online().apply(false), 1, true).waitForCompletion(2000);
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnecting from the hub broker: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("closing the hub client: {}", e.getMessage());
    }
  }

  /** For the log: when the link was built. */
  @Override
  public String toString() {
    return "PahoHubLink[" + settings.broker() + " as " + settings.user() + ", " + clock.instant().truncatedTo(ChronoUnit.SECONDS)
        + "]";
  }
}

package io.loaxa.scheduler.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The hub's end of the broker in a test: a persistent session that hears every station topic and can
 * send commands. A filing listener answers each station row it hears with a filed ack on the
 * station's filed topic, as the hub does once its database committed the row.
 */
public final class HubListener implements AutoCloseable {
  private static final Pattern ROW = Pattern.compile("^loaxa/v1/station/([a-z0-9-]+)/(run|health|ack)$");
  private static final Pattern SEQ = Pattern.compile("\"outboxSeq\":(\\d+)");

  /** One message the hub heard. */
  public record Heard(String topic, String body) {}

  private final MqttClient client;
  private final List<Heard> heard = new ArrayList<>();
  private final boolean files;
  // Paho's synchronous client must not publish on its own callback thread
  private final ExecutorService acks = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "test-hub-filed");
    t.setDaemon(true);
    return t;
  });

  public HubListener(String url, java.nio.file.Path ca, String password) throws Exception {
    this(url, ca, password, false);
  }

  /** @param files whether it answers every row it hears with a filed ack */
  public HubListener(String url, java.nio.file.Path ca, String password, boolean files) throws Exception {
    this.files = files;
    client = new MqttClient(url, "loaxa-hub", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setAutomaticReconnect(true);
    o.setMaxReconnectDelay(1000);
    o.setUserName("hub");
    o.setPassword(password.toCharArray());
    o.setSocketFactory(PahoHubLink.socketFactory(ca));
    client.setCallback(new MqttCallbackExtended() {
      @Override
      public void connectComplete(boolean reconnect, String serverUri) {
        new Thread(() -> {
          try {
            client.subscribe("loaxa/v1/station/#", 1);
          } catch (MqttException e) {
            throw new IllegalStateException(e);
          }
        }).start();
      }

      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        String body = new String(message.getPayload(), StandardCharsets.UTF_8);
        synchronized (heard) {
          heard.add(new Heard(topic, body));
        }
        Matcher row = ROW.matcher(topic);
        Matcher seq = SEQ.matcher(body);
        if (files && row.matches() && seq.find()) {
          String station = row.group(1);
          String ack = "{\"v\":1,\"seqs\":[" + seq.group(1) + "],\"at\":\"" + java.time.Instant.now() + "\"}";
          acks.execute(() -> {
            try {
              client.publish("loaxa/v1/hub/" + station + "/filed", ack.getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException e) {
              // as at the hub: the station sends the row again after its resend delay
            }
          });
        }
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    client.connect(o);
    client.subscribe("loaxa/v1/station/#", 1);
  }

  public List<Heard> heard() {
    synchronized (heard) {
      return List.copyOf(heard);
    }
  }

  public List<Heard> on(String suffix) {
    return heard().stream().filter(h -> h.topic().endsWith(suffix)).toList();
  }

  public void send(String topic, byte[] body) throws MqttException {
    client.publish(topic, body, 1, false);
  }

  public boolean connected() {
    return client.isConnected();
  }

  @Override
  public void close() throws MqttException {
    acks.shutdownNow();
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close(true);
  }
}

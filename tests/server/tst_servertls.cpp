// The server over HTTPS with a given certificate: a client that trusts the
// certificate's CA gets answers; one that does not gets a certificate error
// (RegionDesk never ignores those).

#include "SyncEngine.h"
#include "TestServer.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using rd::test::HttpResult;
using rd::test::TestServer;

class TestServerTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_keys;

private Q_SLOTS:
    void httpsWithTheRightTrust()
    {
        const QString cert = m_keys.filePath(QStringLiteral("cert.pem"));
        const QString key = m_keys.filePath(QStringLiteral("key.pem"));
        const int made = QProcess::execute(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
             QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QCOMPARE(made, 0);
        TestServer server(50,
                          {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY(server.isRunning());
        QVERIFY(server.baseUrl().startsWith(QStringLiteral("https://")));

        // Not trusted: refused, with the certificate error.
        HttpResult r = server.request("GET", QStringLiteral("/open311/v2/services.json"));
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);

        // Trusted as an extra CA: served.
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        QList<QSslCertificate> cas = trusting.caCertificates();
        cas += QSslCertificate::fromPath(cert);
        trusting.setCaCertificates(cas);
        server.setSslConfiguration(trusting);
        r = server.request("GET", QStringLiteral("/open311/v2/services.json"));
        QVERIFY2(r.status == 200, qPrintable(QStringLiteral("error %1").arg(int(r.error))));
        QVERIFY(!server.signIn(QStringLiteral("clerk")).isEmpty());
        // Open311 links name the server as it listens, with https (no
        // --public-url given; a Host header changes nothing).
        r = server.request("GET", QStringLiteral("/open311/discovery.json"), {},
                           {{"Host", "evil.example"}});
        QCOMPARE(r.json()
                     .value(QStringLiteral("endpoints"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 server.baseUrl() + QStringLiteral("/open311/v2"));

        // The sync engine: the system's CAs plus the extra CA file syncs;
        // without it, a certificate error that stops and explains.
        const QByteArray token = server.signIn(QStringLiteral("clerk"));
        QNetworkAccessManager network;
        auto sync = [&](const std::optional<QSslConfiguration> &tls) {
            rd::SyncEngine engine(m_keys.filePath(QStringLiteral("cache.sqlite")), &network, {});
            engine.setSession(QUrl(server.baseUrl()), token,
                              server.baseUrl() + QStringLiteral("|clerk"));
            if (tls)
                engine.setTlsConfiguration(*tls);
            QSignalSpy finished(&engine, &rd::SyncEngine::finished);
            engine.start();
            if (finished.isEmpty())
                finished.wait(30000);
            return finished.value(0).value(0).value<rd::SyncResult>();
        };
        const rd::SyncResult refused = sync(rd::ApiClient::tlsConfiguration({}).value);
        QCOMPARE(refused.outcome, rd::SyncResult::Outcome::TlsError);
        QVERIFY2(refused.message.contains(QStringLiteral("certificate")),
                 qPrintable(refused.message));
        network.clearConnectionCache();
        const auto withCa = rd::ApiClient::tlsConfiguration(cert);
        QVERIFY2(withCa, qPrintable(withCa.error.toString()));
        const rd::SyncResult synced = sync(withCa.value);
        QVERIFY2(synced.succeeded(), qPrintable(synced.message));
        QVERIFY(synced.progress.records > 0);

        // An extra CA file that is missing or holds no certificate: said so.
        const auto missing =
            rd::ApiClient::tlsConfiguration(m_keys.filePath(QStringLiteral("none.pem")));
        QVERIFY(!missing);
        QVERIFY(missing.error.toString().contains(QStringLiteral("cannot be read")));
        QVERIFY(!rd::ApiClient::tlsConfiguration(key + QStringLiteral(".nothing")));
        QFile notPem(m_keys.filePath(QStringLiteral("junk.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate");
        notPem.close();
        const auto junk = rd::ApiClient::tlsConfiguration(notPem.fileName());
        QVERIFY(!junk);
        QVERIFY(junk.error.toString().contains(QStringLiteral("no PEM certificate")));
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_servertls.moc"

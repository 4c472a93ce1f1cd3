// The server over HTTPS with a given certificate: a client that trusts the
// certificate's CA gets answers; one that does not gets a certificate error
// (RegionDesk never ignores those).

#include "TestServer.h"

#include <QProcess>
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
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_servertls.moc"

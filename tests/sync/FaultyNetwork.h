#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <functional>

namespace rd::test {

// A reply that stands in for a real one: it takes over the real reply's
// status and headers as soon as they arrive (so a client can act on them
// early), then hands out a body of the test's choosing, possibly late.
class StandInReply final : public QNetworkReply
{
    Q_OBJECT

public:
    // rewrite(body) gives the body to hand out; finishDelayMs holds the end back.
    StandInReply(QNetworkReply *real, std::function<QByteArray(const QByteArray &)> rewrite,
                 int finishDelayMs, QObject *parent);
    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void copyMetaData();
    void deliver();

    QPointer<QNetworkReply> m_real;
    std::function<QByteArray(const QByteArray &)> m_rewrite;
    int m_delayMs;
    QByteArray m_body;
    qint64 m_offset = 0;
    bool m_metaCopied = false;
};

// A network manager for fault cases the server cannot make by itself: every
// request goes to the real server, and a hook may replace the answer.
class FaultyNetwork final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    // For the n-th request (from 0) to a path: return true and fill in how to
    // change its answer, or false to leave it alone.
    struct Change
    {
        std::function<QByteArray(const QByteArray &)> rewrite;
        int finishDelayMs = 0;
    };
    std::function<bool(int n, const QString &path, Change &change)> hook;
    int requests(const QString &path) const { return m_counts.value(path); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QHash<QString, int> m_counts;
};

} // namespace rd::test

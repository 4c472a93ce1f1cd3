#include "FaultyNetwork.h"

#include <QTimer>

namespace rd::test {

StandInReply::StandInReply(QNetworkReply *real,
                           std::function<QByteArray(const QByteArray &)> rewrite, int finishDelayMs,
                           QObject *parent)
    : QNetworkReply(parent)
    , m_real(real)
    , m_rewrite(std::move(rewrite))
    , m_delayMs(finishDelayMs)
{
    setRequest(real->request());
    setOperation(real->operation());
    setUrl(real->url());
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    connect(real, &QNetworkReply::metaDataChanged, this, &StandInReply::copyMetaData);
    connect(real, &QNetworkReply::finished, this, [this] {
        copyMetaData();
        const QByteArray body = m_real->readAll();
        setError(m_real->error(), m_real->errorString());
        m_body = m_rewrite ? m_rewrite(body) : body;
        m_real->deleteLater();
        if (m_delayMs > 0)
            QTimer::singleShot(m_delayMs, this, &StandInReply::deliver);
        else
            deliver();
    });
}

void StandInReply::copyMetaData()
{
    if (m_metaCopied || !m_real ||
        !m_real->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return;
    m_metaCopied = true;
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute,
                 m_real->attribute(QNetworkRequest::HttpStatusCodeAttribute));
    for (const auto &[name, value] : m_real->rawHeaderPairs())
        setRawHeader(name, value);
    Q_EMIT metaDataChanged();
}

void StandInReply::deliver()
{
    if (isFinished())
        return;
    if (!m_body.isEmpty())
        Q_EMIT readyRead();
    setFinished(true);
    Q_EMIT finished();
}

void StandInReply::abort()
{
    if (isFinished())
        return;
    if (m_real)
        m_real->abort();
    if (isFinished())
        return; // the real reply's end was handed on already
    setError(OperationCanceledError, QStringLiteral("aborted"));
    setFinished(true);
    Q_EMIT errorOccurred(OperationCanceledError);
    Q_EMIT finished();
}

qint64 StandInReply::bytesAvailable() const
{
    return m_body.size() - m_offset + QIODevice::bytesAvailable();
}

qint64 StandInReply::readData(char *data, qint64 maxSize)
{
    if (m_offset >= m_body.size())
        return isFinished() ? -1 : 0;
    const qint64 n = std::min(maxSize, m_body.size() - m_offset);
    memcpy(data, m_body.constData() + m_offset, size_t(n));
    m_offset += n;
    return n;
}

QNetworkReply *FaultyNetwork::createRequest(Operation op, const QNetworkRequest &request,
                                            QIODevice *outgoingData)
{
    QNetworkReply *real = QNetworkAccessManager::createRequest(op, request, outgoingData);
    const QString path = request.url().path();
    const int n = m_counts.value(path);
    m_counts.insert(path, n + 1);
    Change change;
    if (!hook || !hook(n, path, change))
        return real;
    return new StandInReply(real, change.rewrite, change.finishDelayMs, this);
}

} // namespace rd::test

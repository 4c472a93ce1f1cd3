#include "ReportDialog.h"
#include "DateField.h"

#include "ApiClient.h"
#include "LocalCache.h"
#include "ReportRenderer.h"
#include "report/ReportExport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

namespace rd {

namespace {

// A list of the catalogue's entries to tick, all ticked.
template<typename Entry>
QListWidget *checkList(QWidget *parent, const char *name, const QList<Entry> &entries)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(QString::fromLatin1(name));
    list->setMaximumHeight(110);
    for (const Entry &e : entries) {
        auto *item = new QListWidgetItem(e.name, list);
        item->setData(Qt::UserRole, e.id);
        item->setCheckState(Qt::Checked);
    }
    return list;
}

QList<int> checkedIds(const QListWidget *list)
{
    QList<int> ids;
    bool all = true;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids << list->item(i)->data(Qt::UserRole).toInt();
        else
            all = false;
    }
    return all ? QList<int>{} : ids; // every one ticked: no filter
}

} // namespace

ReportDialog::ReportDialog(const LocalCache &cache, const Catalogue &catalogue,
                           const UserInfo &user, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(cache.path())
    , m_cacheOptions(cache.options())
    , m_catalogue(catalogue)
    , m_author(user.displayName.isEmpty() ? user.login : user.displayName)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Reports"));
    m_zone = QTimeZone(catalogue.timeZone.toUtf8());
    if (!m_zone.isValid())
        m_zone = QTimeZone::systemTimeZone();
    m_today = m_clock.now().toTimeZone(m_zone).date();

    // Created in the order of the tab chain.
    QLayout *dates = createPeriodFields();
    createAgencyField(user);
    m_categories = checkList(this, "reportCategories", catalogue.categories);
    m_districts = checkList(this, "reportDistricts", catalogue.districts);
    m_orientation = new QComboBox(this);
    m_orientation->setObjectName(QStringLiteral("reportOrientation"));
    m_orientation->addItem(tr("A4 portrait"), int(QPageLayout::Portrait));
    m_orientation->addItem(tr("A4 landscape"), int(QPageLayout::Landscape));

    auto *form = new QFormLayout;
    form->addRow(tr("&Period:"), m_period);
    form->addRow(tr("From – to:"), dates);
    form->addRow(tr("&Agency:"), m_agency);
    form->addRow(tr("&Categories:"), m_categories);
    form->addRow(tr("&Districts:"), m_districts);
    form->addRow(tr("&Paper:"), m_orientation);

    QLayout *busy = createProgressRow();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);

    QDialogButtonBox *buttons = createButtons();
    // What a saved file carries (the file says so too: ReportExport::titleLines).
    auto *personal = new QLabel(tr("The lists of complaints give the addresses citizens "
                                   "named: a saved or printed report is personal data; keep "
                                   "and pass it on as your agency's rules require."),
                                this);
    personal->setObjectName(QStringLiteral("personalDataNote"));
    personal->setWordWrap(true);
    personal->setAccessibleName(tr("Personal data"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(busy);
    layout->addWidget(personal);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportDialog::periodChosen);
    m_period->setCurrentIndex(m_period->findData(int(ReportPeriod::ThisMonth)));
    periodChosen();
}

QLayout *ReportDialog::createPeriodFields()
{
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    // "This …" up to today; "Previous …" the whole one that ended.
    m_period->addItem(tr("This week"), int(ReportPeriod::ThisWeek));
    m_period->addItem(tr("This month"), int(ReportPeriod::ThisMonth));
    m_period->addItem(tr("This quarter"), int(ReportPeriod::ThisQuarter));
    m_period->addItem(tr("This year"), int(ReportPeriod::ThisYear));
    m_period->addItem(tr("Previous week"), int(ReportPeriod::PreviousWeek));
    m_period->addItem(tr("Previous month"), int(ReportPeriod::PreviousMonth));
    m_period->addItem(tr("Previous quarter"), int(ReportPeriod::PreviousQuarter));
    m_period->addItem(tr("Previous year"), int(ReportPeriod::PreviousYear));
    m_period->addItem(tr("Custom period"), int(ReportPeriod::Custom));
    // Typed digits land in them; the report writes its dates in full.
    m_from = new DateField(this);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to = new DateField(this);
    m_to->setObjectName(QStringLiteral("reportTo"));
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(QStringLiteral("–"), this));
    dates->addWidget(m_to);
    dates->addStretch();
    return dates;
}

void ReportDialog::createAgencyField(const UserInfo &user)
{
    m_agency = new QComboBox(this);
    m_agency->setObjectName(QStringLiteral("reportAgency"));
    // Only a role that sees every agency may report on all of them; the
    // cache holds only what the server let this user see anyway.
    if (!user.agencyId)
        m_agency->addItem(tr("All agencies"));
    for (const Agency &a : m_catalogue.agencies) {
        if (!user.agencyId || *user.agencyId == a.id)
            m_agency->addItem(a.name, a.id);
    }
}

QLayout *ReportDialog::createProgressRow()
{
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_progress->setRange(0, 0); // busy: the work has no countable steps worth showing
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("reportCancel"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &ReportDialog::cancel);
    auto *busy = new QHBoxLayout;
    busy->addWidget(m_progress, 1);
    busy->addWidget(m_cancel);
    return busy;
}

QDialogButtonBox *ReportDialog::createButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    const auto action = [&](const QString &text, const char *name, Output output) {
        QPushButton *b = buttons->addButton(text, QDialogButtonBox::ActionRole);
        b->setObjectName(QString::fromLatin1(name));
        connect(b, &QPushButton::clicked, this, [this, output] {
            const QString path = askPath(output);
            if (output == Output::Preview || output == Output::Print || !path.isEmpty())
                run(output, path);
        });
        m_actions << b;
    };
    action(tr("Pre&view…"), "reportPreview", Output::Preview);
    action(tr("P&rint…"), "reportPrint", Output::Print);
    action(tr("&Save PDF…"), "reportPdf", Output::Pdf);
    action(tr("Export CS&V…"), "reportCsv", Output::Csv);
    action(tr("Export &XLSX…"), "reportXlsx", Output::Xlsx);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
    return buttons;
}

ReportDialog::~ReportDialog()
{
    cancel();
    if (m_worker)
        m_worker->wait();
}

void ReportDialog::periodChosen()
{
    const auto period = ReportPeriod(m_period->currentData().toInt());
    const bool custom = period == ReportPeriod::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom) {
        const auto [from, to] = presetPeriod(period, m_today);
        m_from->setDate(from);
        m_to->setDate(to);
    }
}

ReportParameters ReportDialog::parameters() const
{
    ReportParameters p;
    p.from = m_from->date();
    p.to = m_to->date();
    p.timeZone = m_zone;
    p.today = m_today;
    if (m_agency->currentData().isValid()) {
        p.agencyId = m_agency->currentData().toInt();
        p.agencyName = m_agency->currentText();
    }
    p.categories = checkedIds(m_categories);
    p.districts = checkedIds(m_districts);
    p.author = m_author;
    p.generatedAt = m_clock.now();
    return p;
}

QString ReportDialog::askPath(Output output)
{
    QString filter;
    QString suffix;
    switch (output) {
    case Output::Preview:
    case Output::Print:
        return {};
    case Output::Pdf:
        filter = tr("PDF (*.pdf)");
        suffix = QStringLiteral(".pdf");
        break;
    case Output::Csv:
        filter = tr("CSV for Excel (*.csv)");
        suffix = QStringLiteral(".csv");
        break;
    case Output::Xlsx:
        filter = tr("Excel workbook (*.xlsx)");
        suffix = QStringLiteral(".xlsx");
        break;
    }
    const ReportParameters p = parameters();
    const QString name =
        tr("report %1 %2").arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate)) + suffix;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Save the report"),
                                                QDir(folder).filePath(name), filter);
    if (!path.isEmpty() && !path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    return path;
}

void ReportDialog::exportTo(Output output, const QString &path)
{
    run(output, path);
}

bool ReportDialog::isBusy() const
{
    return m_worker && m_worker->isRunning();
}

void ReportDialog::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void ReportDialog::reject()
{
    if (isBusy()) { // Esc while working cancels the work first
        cancel();
        return;
    }
    QDialog::reject();
}

void ReportDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    for (QPushButton *b : std::as_const(m_actions))
        b->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Building the report…"));
}

void ReportDialog::run(Output output, const QString &path)
{
    if (isBusy())
        return;
    const ReportParameters p = parameters();
    if (!p.isValid()) {
        m_status->setText(tr("The period's first day is after its last."));
        Q_EMIT finished(false, m_status->text());
        return;
    }
    setBusy(true);
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    const auto flag = m_cancelFlag;
    const QString cachePath = m_cachePath;
    const CacheOptions cacheOptions = m_cacheOptions;
    const Catalogue catalogue = m_catalogue;
    const auto orientation = QPageLayout::Orientation(m_orientation->currentData().toInt());
    const QLocale locale;
    QPointer<ReportDialog> self(this);
    // Its own connection to the cache: the window's stays on the UI thread.
    m_worker = QThread::create([=] {
        ReportData built;
        QString problem;
        try {
            const auto cache = LocalCache::open(cachePath, cacheOptions);
            ReportParameters covered = p;
            const LocalCache::Coverage coverage = cache->coverage();
            covered.retentionMonths = coverage.retentionMonths;
            covered.closedBefore = coverage.closedBefore;
            built = ReportBuilder::build(cache->reports(), covered, catalogue, flag.get());
            if (!flag->load()) {
                Parsed<Done> written = succeeded();
                if (output == Output::Pdf)
                    written =
                        ReportRenderer::writePdf(built, path, orientation, locale, flag.get());
                else if (output == Output::Csv)
                    written = ReportExport::writeCsv(built, path, locale);
                else if (output == Output::Xlsx)
                    written = ReportExport::writeXlsx(built, path, locale);
                if (!written)
                    problem = written.error.toString();
            }
        } catch (const std::exception &e) {
            problem = QString::fromUtf8(e.what());
        }
        const bool cancelled = flag->load();
        QMetaObject::invokeMethod(
            qApp,
            [self, output, built, problem, cancelled] {
                if (self)
                    self->done(output, built, problem, cancelled);
            },
            Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

void ReportDialog::done(Output output, const ReportData &report, const QString &problem,
                        bool cancelled)
{
    setBusy(false);
    if (cancelled) {
        m_status->setText(tr("Cancelled; nothing was written."));
        Q_EMIT finished(false, m_status->text());
        return;
    }
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        Q_EMIT finished(false, problem);
        return;
    }
    const auto orientation = QPageLayout::Orientation(m_orientation->currentData().toInt());
    if (output == Output::Preview || output == Output::Print) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation,
                                          QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        printer.setDocName(ReportExport::titleLines(report, QLocale()).first());
        const ReportRenderer renderer(report, QLocale());
        if (output == Output::Preview) {
            QPrintPreviewDialog preview(&printer, this);
            preview.setWindowTitle(tr("Report preview"));
            connect(&preview, &QPrintPreviewDialog::paintRequested, this,
                    [&renderer](QPrinter *p) { renderer.render(p); });
            preview.exec();
        } else {
            QPrintDialog dialog(&printer, this);
            if (dialog.exec() == QDialog::Accepted)
                renderer.render(&printer);
        }
    }
    m_status->setText(tr("Done: %n complaint(s) in the period.", nullptr, report.summary.received));
    Q_EMIT finished(true, m_status->text());
}

} // namespace rd

// The desk window's layout: the map beside the list or in a tab, the
// complaint beside or below, the splitters sized to the screen until the
// user moves them, and all of it remembered between runs.

#include "DeskWindow.h"

#include "DeskSettings.h"
#include "FilterBar.h"
#include "LocalCache.h"
#include "MapWidget.h"
#include "QueueModel.h"
#include "QueuePane.h"

#include <QAction>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace rd {

bool DeskWindow::mapShown() const
{
    return m_mapBeside->isChecked() || m_centreTabs->currentWidget() == m_map;
}

void DeskWindow::setMapBeside(bool beside)
{
    // Beside: the list above, the map below, both in view, the selection
    // shared. Otherwise the map is a tab in the list's place.
    const bool wasShown = m_centreTabs->currentWidget() == m_map;
    if (beside) {
        m_centreTabs->removeTab(m_centreTabs->indexOf(m_map));
        m_centreSplitter->addWidget(m_map);
        m_map->show();
        const int height = m_centreSplitter->height();
        m_centreSplitter->setSizes({height / 2, height - height / 2});
    } else if (m_centreTabs->indexOf(m_map) < 0) {
        m_centreTabs->setTabToolTip(m_centreTabs->addTab(m_map, tr("Ma&p")),
                                    tr("The queue on the map (Ctrl+M)"));
        if (wasShown)
            m_centreTabs->setCurrentWidget(m_map);
    }
    m_centreTabs->tabBar()->setVisible(!beside);
    refreshMap();
}

void DeskWindow::refreshMap()
{
    if (!mapShown())
        return;
    if (m_agencyAreaDirty && m_user.agencyId) {
        // "My agency's area": where its complaints are, whatever the queue.
        m_agencyAreaDirty = false;
        QueueQuery mine;
        mine.agencies = {int(*m_user.agencyId)};
        GeoBox area = GeoBox::nothing();
        for (const ComplaintPoint &p : m_cache.queue().points(GeoBox::world(), mine))
            area.include(p.latitude, p.longitude);
        m_map->setAgencyArea(area.isValid() ? std::optional(area) : std::nullopt);
    }
    if (!m_mapDirty)
        return;
    m_mapDirty = false;
    // The queue's own filters (its states, agency, search and the filter
    // bar, the map area included) choose what the map shows.
    const QueueQuery query = m_model->query();
    QList<ClusterIndex::Point> points;
    const QList<ComplaintPoint> found = m_cache.queue().points(GeoBox::world(), query);
    points.reserve(found.size());
    for (const ComplaintPoint &p : found) {
        points.append({p, isAnswerOverdue(p.state, p.dueDate, m_today)});
    }
    m_map->setPoints(points);
    if (const qint64 id = currentComplaintId())
        m_map->showComplaint(id);
}

void DeskWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (!m_defaultSplit || m_workSplitter->orientation() != Qt::Horizontal)
        return;
    // Until the user moves it: the complaint gets about 450 px and the list
    // the rest, so at 1366 px the list's columns and the filter bar fit
    // without scrolling.
    const int width =
        m_mainSplitter->width() - m_mainSplitter->sizes().value(0) - m_mainSplitter->handleWidth();
    const int detail = qMin(450, width / 2);
    m_workSplitter->setSizes({width - detail, detail});
}

DeskWindow::WorkState DeskWindow::workState() const
{
    return {currentComplaintId(), m_filter->text(), m_centreTabs->currentWidget() == m_map};
}

void DeskWindow::restoreWorkState(const WorkState &state)
{
    if (!state.search.isEmpty())
        m_filter->setText(state.search);
    if (state.complaintId)
        openComplaint(state.complaintId);
    if (state.mapTab && !m_mapBeside->isChecked())
        m_centreTabs->setCurrentWidget(m_map);
}

void DeskWindow::saveLayout()
{
    using Layout = DeskSettings::Layout;
    DeskSettings settings(m_settings);
    settings.setLayout(Layout::Geometry, saveGeometry());
    settings.setLayout(Layout::State, saveState());
    settings.setLayout(Layout::MainSplitter, m_mainSplitter->saveState());
    settings.setLayout(Layout::WorkSplitter, m_workSplitter->saveState());
    settings.setLayout(Layout::DetailSplitter, m_detailSplitter->saveState());
    settings.setLayout(Layout::Columns, m_table->horizontalHeader()->saveState());
    settings.setLayout(Layout::CentreSplitter, m_centreSplitter->saveState());
    settings.setDetailBelow(m_below->isChecked());
    settings.setMapBeside(m_mapBeside->isChecked());
    settings.setMapHeat(int(m_map->heat()));
    settings.setConfirmModeration(m_confirm->isChecked());
}

void DeskWindow::restoreLayout()
{
    using Layout = DeskSettings::Layout;
    const DeskSettings settings(m_settings);
    if (!restoreGeometry(settings.layout(Layout::Geometry))) {
        // The first start: most of the screen, and all of a small one (the
        // desk is made for 1366×768 and needs every pixel of it).
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            resize(available.size() * 9 / 10);
            if (available.width() <= 1440)
                setWindowState(Qt::WindowMaximized);
        }
    }
    restoreState(settings.layout(Layout::State));
    m_mainSplitter->restoreState(settings.layout(Layout::MainSplitter));
    m_detailSplitter->restoreState(settings.layout(Layout::DetailSplitter));
    m_table->horizontalHeader()->restoreState(settings.layout(Layout::Columns));
    m_below->setChecked(settings.detailBelow());
    setDetailBelow(m_below->isChecked());
    m_mapBeside->setChecked(settings.mapBeside());
    m_centreSplitter->restoreState(settings.layout(Layout::CentreSplitter));
    m_map->setHeat(MapWidget::Heat(std::clamp(settings.mapHeat(), 0, 2)));
    m_defaultSplit = !m_workSplitter->restoreState(settings.layout(Layout::WorkSplitter));
    connect(m_workSplitter, &QSplitter::splitterMoved, this, [this] { m_defaultSplit = false; });
    m_confirm->setChecked(settings.confirmModeration());
}

void DeskWindow::setDetailBelow(bool below)
{
    m_workSplitter->setOrientation(below ? Qt::Vertical : Qt::Horizontal);
    m_detailSplitter->setOrientation(below ? Qt::Horizontal : Qt::Vertical);
}

} // namespace rd

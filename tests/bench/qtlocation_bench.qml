// The Qt Location side of qtlocation_bench: a QML Map (the "itemsoverlay"
// plugin: no tiles, as our map without tiles in map_bench) with the
// complaints drawn by a MapItemView, the practice Qt Location's documentation
// gives for many points. Two light delegates: a plain dot for every
// complaint (mode "items"), and a dot with a count for the clusters our
// ClusterIndex gives for the view (mode "clustered").
import QtQuick
import QtLocation
import QtPositioning

Map {
    id: map
    objectName: "map"
    plugin: Plugin { name: "itemsoverlay" }
    color: "#f2efe9"
    center: QtPositioning.coordinate(54.99, 73.37)
    zoomLevel: 9
    copyrightsVisible: false

    Component {
        id: dot
        MapQuickItem {
            required property real latitude
            required property real longitude
            required property color colour
            coordinate: QtPositioning.coordinate(latitude, longitude)
            anchorPoint.x: 5
            anchorPoint.y: 5
            sourceItem: Rectangle {
                width: 10
                height: 10
                radius: 5
                color: colour
            }
        }
    }

    Component {
        id: cluster
        MapQuickItem {
            required property real latitude
            required property real longitude
            required property color colour
            required property int count
            coordinate: QtPositioning.coordinate(latitude, longitude)
            anchorPoint.x: marker.width / 2
            anchorPoint.y: marker.height / 2
            sourceItem: Rectangle {
                id: marker
                width: count > 1 ? 30 : 10
                height: width
                radius: width / 2
                color: colour
                border.color: "white"
                border.width: count > 1 ? 2 : 0
                Text {
                    anchors.centerIn: parent
                    visible: count > 1
                    text: count
                    color: "white"
                    font.pixelSize: 11
                    font.bold: true
                }
            }
        }
    }

    MapItemView {
        objectName: "view"
        model: complaintModel
        delegate: clustered ? cluster : dot
    }
}

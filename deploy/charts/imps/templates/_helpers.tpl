{{/*
Names and labels shared by every template.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "imps.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects: fullnameOverride, else <release>-<name>, or just the
release name when it already contains the chart name. At most 63 characters (DNS-1123 label).
*/}}
{{- define "imps.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart label value: <name>-<version> */}}
{{- define "imps.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels every object carries. */}}
{{- define "imps.labels" -}}
helm.sh/chart: {{ include "imps.chart" . }}
{{ include "imps.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: imps
{{- end }}

{{/* The labels that select the operator's pods (never change them: selectors are immutable). */}}
{{- define "imps.selectorLabels" -}}
app.kubernetes.io/name: {{ include "imps.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end }}

{{/* The operator's ServiceAccount name. */}}
{{- define "imps.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "imps.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The operator image: repository@digest, else repository:tag (tag defaults to appVersion). */}}
{{- define "imps.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The name of the chart's default source secret and default ImagePullSecret (IMPS's names). */}}
{{- define "imps.defaultName" -}}
{{- printf "%s-default" (include "imps.fullname" . | trunc 55 | trimSuffix "-") }}
{{- end }}

{{/* metadata the chart adds to the CRD copied from imps-api (see scripts/sync-chart-crd.sh). */}}
{{- define "imps.crdMetadata" -}}
labels:
  {{- include "imps.labels" . | nindent 2 }}
{{- if .Values.crd.keep }}
annotations:
  helm.sh/resource-policy: keep
{{- end }}
{{- end }}

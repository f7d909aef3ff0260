// Only a project for Open Liberty keeps the Liberty server configuration.
def project = new File(request.outputDirectory, request.artifactId)
if (request.properties.get('server') != 'liberty') {
    new File(project, 'src/main/liberty').deleteDir()
}

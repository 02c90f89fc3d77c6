# Build: the same publish that .ci/run checks.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Digest.App/Digest.App.csproj -c Release -o /app

# Run: ASP.NET runtime (webhook mode and the health endpoint), as the image's non-root "app" user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Chart labels need a font; the base image has none.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core tzdata \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
VOLUME /data
ENV DIGEST__STORAGE__PATH=/data/digest.db \
    ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER app
ENTRYPOINT ["./digest"]
CMD ["run"]
